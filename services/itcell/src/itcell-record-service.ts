import {
  FieldErrors,
  isUuid,
  notFound,
  RecordService,
  type BaseRecord,
  type MembershipLookups,
  type RecordFilter,
  type UnitCopyTable,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import type { EntityManager, EntityTarget } from 'typeorm';
import type { ItcellDeps, ItcellServices } from './context';

/** The input field to blame when a write would put a record outside the caller's scope, and why. */
export interface ScopeFault {
  field: string;
  message?: string;
}

/**
 * A record service of itcell: the request's other services at hand, and membership's batched lookups.
 *
 * Every read and write goes through the caller's scope (RecordService.scoped): the list query, the
 * loader, the per-owner loaders below (`loaderBy`), writes (`findForWrite`), and the checks after a
 * write (`requireVisible`). A record outside the scope does not exist for the caller.
 */
export abstract class ItcellRecordService<T extends BaseRecord, F extends RecordFilter = RecordFilter> extends RecordService<T, F> {
  protected readonly services: ItcellServices;

  protected constructor(deps: ItcellDeps, entity: EntityTarget<T>, typeName: string) {
    super(deps, entity, typeName);
    this.services = deps.services;
  }

  /** Units and members live in membership: looked up in batches, once per request. */
  protected get membership(): MembershipLookups {
    return this.services.membership;
  }

  /**
   * The live records the caller may see, grouped by a uuid column (a member's roles, a team's accounts,
   * a unit's teams): one query per request for every key asked for, in `order`.
   */
  protected loaderBy(
    property: keyof T & string,
    order: Readonly<Record<string, 'ASC' | 'DESC'>>,
    where?: { sql: string; parameters: Record<string, unknown> },
  ): DataLoader<string, T[]> {
    return new DataLoader(async (keys) => {
      const valid = [...new Set(keys.filter(isUuid))];
      if (!valid.length) return keys.map(() => []);
      const query = this.scoped(this.repository.createQueryBuilder('r').where(`r.${property} IN (:...keys)`, { keys: valid }));
      if (where) query.andWhere(where.sql, where.parameters);
      Object.entries(order).forEach(([field, direction]) => query.addOrderBy(`r.${field}`, direction));
      const groups = new Map<string, T[]>();
      for (const row of await query.getMany()) {
        const key = row[property] as unknown as string;
        groups.set(key, [...(groups.get(key) ?? []), row]);
      }
      return keys.map((key) => groups.get(key) ?? []);
    });
  }

  /**
   * The record a non-null field refers to (a report's drive): NOT_FOUND when it lies outside the caller's
   * scope (or is unknown), as the field cannot answer null.
   */
  async loadVisible(id: string): Promise<T> {
    const record = await this.loader.load(id);
    if (!record) throw notFound(this.typeName, id);
    return record;
  }

  /**
   * After a write, inside its transaction: the record as written must lie within the caller's scope,
   * so no one creates or moves a record out of their own sight. FORBIDDEN on `field` otherwise (the
   * transaction then rolls back).
   */
  protected async requireVisible(manager: EntityManager, id: string, fault: ScopeFault): Promise<void> {
    if (this.scope.everything) return;
    if (await this.scoped(manager.createQueryBuilder(this.entity, 'r').whereInIds([id])).getExists()) return;
    new FieldErrors().forbid(fault.field, fault.message).throwIfAny();
  }

  /**
   * RecordService.update for a change that may take the record out of the caller's scope in a way no
   * input check sees beforehand (an account handed to a member): checked after saving, with
   * `requireVisible` on the field `outOfSight` names for the saved record.
   */
  protected updateWithinScope(
    id: string,
    expectedVersion: number | undefined,
    change: (record: T, manager: EntityManager) => Promise<void> | void,
    outOfSight: (record: T) => ScopeFault,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lockForUpdate(manager, id, expectedVersion);
      await change(record, manager);
      const saved = await manager.save(record);
      await this.requireVisible(manager, saved.id, outOfSight(saved));
      return saved;
    });
  }
}

/** The unit copies of a table of UnitRecords (unit_id, unit_path, unit_level), for a module's `unitCopyTables`. */
export function unitRecordTable(table: string): UnitCopyTable {
  return { table, unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' };
}
