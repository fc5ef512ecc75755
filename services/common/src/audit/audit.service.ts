import type { DataSource } from 'typeorm';
import { DataScope, pathWithinScope } from '../auth/data-scope';
import type { Identity } from '../auth/identity';
import { badUserInput } from '../errors';
import { paginate, SortDirection, type Page, type PageInput } from '../pagination';
import { isUuid, requireUuidFields, type RecordService } from '../record-service';
import { whereWithinUnit } from '../unit-record';
import { AuditEntry, type AuditChange, type AuditEntryFilter, type StoredChange } from './audit-entry.entity';

const asText = (value: unknown): string | null =>
  value === null || value === undefined ? null : typeof value === 'string' ? value : JSON.stringify(value);

export function toAuditChanges(stored: StoredChange[]): AuditChange[] {
  return stored.map((change) => ({ field: change.field, oldValue: asText(change.old), newValue: asText(change.new) }));
}

export interface AuditServiceDeps {
  dataSource: DataSource;
  identity: Identity | null;
  /** The request's other services: a record the caller may see shows its whole history. */
  services: object;
}

/**
 * Reads a service's audit entries, newest first, keyset-paged. An entry is within the caller's scope
 * when the record it is about was inside the caller's subtree (and organisation) when it changed; asked
 * for one record, the caller who may see that record now sees all of its history.
 */
export class AuditService {
  private readonly dataSource: DataSource;
  private readonly scope: DataScope;
  private readonly services: Record<string, unknown>;

  constructor(
    deps: AuditServiceDeps,
    private readonly service: string,
  ) {
    this.dataSource = deps.dataSource;
    this.scope = new DataScope(deps.identity);
    this.services = deps.services as Record<string, unknown>;
  }

  async list(filter: AuditEntryFilter = {}, page?: PageInput): Promise<Page<AuditEntry>> {
    requireUuidFields(filter, ['recordId', 'withinUnit', 'organizationId']);
    if (filter.from && filter.to && filter.from >= filter.to) throw badUserInput({ 'filter.to': 'must be after filter.from' });
    const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
    const wholeHistory = filter.recordId ? await this.recordVisible(filter.recordId, filter.recordTypes) : false;
    if (!wholeHistory) {
      const condition = this.scope.condition({ unit: pathWithinScope('e.unit_path'), organization: 'e.organization_id' });
      if (condition) query.andWhere(condition.where, condition.parameters);
    }
    if (filter.recordId) query.andWhere('e.recordId = :recordId', { recordId: filter.recordId });
    if (filter.recordTypes?.length) query.andWhere('e.recordType IN (:...recordTypes)', { recordTypes: filter.recordTypes });
    if (filter.actorId) query.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter.actorKind) query.andWhere('e.actorKind = :actorKind', { actorKind: filter.actorKind });
    if (filter.actions?.length) query.andWhere('e.action IN (:...actions)', { actions: filter.actions });
    if (filter.from) query.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('e.at < :to', { to: filter.to });
    if (filter.organizationId) query.andWhere('e.organizationId = :organizationId', { organizationId: filter.organizationId });
    if (filter.requestId) query.andWhere('e.requestId = :requestId', { requestId: filter.requestId });
    whereWithinUnit(query, filter.withinUnit);
    const result = await paginate(query, [{ property: 'at', direction: SortDirection.DESC }], page);
    for (const entry of result.items) {
      entry.service = this.service;
      entry.unitId = entry.unitPath?.length ? entry.unitPath[entry.unitPath.length - 1] : null;
      entry.changes = toAuditChanges(entry.storedChanges);
    }
    return result;
  }

  /** Whether the caller may see this record now (deleted ones included), through the record type's own scoped service. */
  private async recordVisible(recordId: string, recordTypes: string[] | undefined): Promise<boolean> {
    if (!isUuid(recordId) || recordTypes?.length !== 1) return false;
    const owner = Object.values(this.services).find(
      (candidate): candidate is RecordService<never> =>
        typeof candidate === 'object' &&
        candidate !== null &&
        (candidate as { typeName?: string }).typeName === recordTypes[0] &&
        'loader' in candidate,
    );
    return owner ? Boolean(await owner.loader.load(recordId)) : false;
  }
}

/** The AuditService of one service, as a module's request service (built from the request's deps alone). */
export function auditServiceFor(service: string): new (deps: AuditServiceDeps) => AuditService {
  return class extends AuditService {
    constructor(deps: AuditServiceDeps) {
      super(deps, service);
    }
  };
}
