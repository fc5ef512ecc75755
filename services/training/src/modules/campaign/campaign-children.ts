import { type BaseRecord, type FieldErrors, isUuid, RecordService } from '@sangathan/common';
import DataLoader from 'dataloader';
import { In, type EntityManager, type FindOptionsOrder, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';
import { TrainingCampaign } from './campaign.entity';

// What the records that belong to a campaign (phases, topics, trainer teams) share.

/**
 * The live campaign a child record's `campaignId` names, or an error on that field. With `lock`, the
 * campaign row is share-locked for the rest of the transaction: it cannot be deleted or have its dates
 * changed until the child is written, while other children of it can still be written alongside.
 */
export async function requireCampaign(
  manager: EntityManager,
  errors: FieldErrors,
  id: string,
  options: { lock?: boolean; field?: string } = {},
): Promise<TrainingCampaign | null> {
  const campaign = isUuid(id)
    ? await manager.findOne(TrainingCampaign, {
        where: { id },
        ...(options.lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
      })
    : null;
  if (!campaign) errors.add(options.field ?? 'campaignId', `no TrainingCampaign with id ${id}`);
  return campaign;
}

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

/** A unique-index violation: two writes raced past a duplicate check. */
export const isUniqueViolation = (error: unknown) => (error as { code?: string } | null)?.code === '23505';

/** A record service that reports delete blockers at the position of each record in the ids asked for. */
export abstract class ChildRecordService<T extends BaseRecord> extends RecordService<T> {
  private deleting: readonly string[] = [];

  override async softDelete(ids: string[]): Promise<T[]> {
    this.deleting = ids;
    try {
      return await super.softDelete(ids);
    } finally {
      this.deleting = [];
    }
  }

  /** The field a delete blocker is reported on: "id" for a single delete, "ids.N" (N as in the ids given) in a bulk one. */
  protected deleteField(record: T): string {
    return this.deleting.length === 1 ? 'id' : `ids.${this.deleting.indexOf(record.id)}`;
  }
}

/** Whole number, 0 or more (targets). */
export function checkCount(errors: FieldErrors, field: string, value: number | null | undefined): void {
  if (value !== undefined && value !== null && (!Number.isInteger(value) || value < 0))
    errors.add(field, 'must be a whole number, 0 or more');
}
