import { type FieldErrors, isUuid } from '@sangathan/common';
import DataLoader from 'dataloader';
import { In, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';

// What the records that belong to a campaign (phases, topics, trainer teams) share.

/** Each campaign's live children, for many campaigns in one query. */
export function childrenByCampaign<T extends ObjectLiteral & { campaignId: string }>(
  repository: () => Repository<T>,
  order: FindOptionsOrder<T>,
): DataLoader<string, T[]> {
  return new DataLoader<string, T[]>(async (campaignIds) => {
    const valid = [...new Set(campaignIds.filter(isUuid))];
    const rows = valid.length ? await repository().find({ where: { campaignId: In(valid) } as FindOptionsWhere<T>, order }) : [];
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
