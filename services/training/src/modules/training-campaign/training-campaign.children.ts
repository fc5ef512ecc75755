import { type FieldErrors, isUuid } from '@sangathan/common';
import DataLoader from 'dataloader';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

// What the records that belong to a campaign (phases, topics, trainer teams) share.

/**
 * Each campaign's live children, for many campaigns in one query. `query` starts from the children the
 * caller may see (TrainingRecordService.scopedQuery); `order` is by property.
 */
export function childrenByCampaign<T extends ObjectLiteral & { campaignId: string }>(
  query: () => SelectQueryBuilder<T>,
  order: Record<string, 'ASC' | 'DESC'>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (campaignIds) => {
    const valid = [...new Set(campaignIds.filter(isUuid))];
    let rows: T[] = [];
    if (valid.length) {
      const children = query();
      children.andWhere(`${children.alias}.campaignId IN (:...campaignIds)`, { campaignIds: valid });
      for (const [property, direction] of Object.entries(order)) children.addOrderBy(`${children.alias}.${property}`, direction);
      rows = await children.getMany();
    }
    const byCampaign = new Map<string, T[]>();
    for (const row of rows) {
      const list = byCampaign.get(row.campaignId);
      if (list) list.push(row);
      else byCampaign.set(row.campaignId, [row]);
    }
    return campaignIds.map((id) => byCampaign.get(id) ?? []);
  });
}

/** Whole number, 0 or more (targets). */
export function checkCount(errors: FieldErrors, field: string, value: number | null | undefined): void {
  if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0))
    errors.add(field, 'must be a whole number, 0 or more');
}
