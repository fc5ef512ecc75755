import {
  isUuid,
  notFound,
  RecordService,
  type BaseRecord,
  type MembershipLookups,
  type RecordFilter,
  type UnitCopyTable,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import type { EntityTarget } from 'typeorm';
import type { ItcellDeps, ItcellServices } from './context';

/**
 * A record service of itcell: the request's other services at hand, and membership's batched lookups.
 *
 * Every read and write goes through the caller's scope (RecordService.scoped): the list query, the
 * loader, the per-owner loaders below (`loaderBy`) and writes (`findForWrite`). A record outside the
 * scope does not exist for the caller.
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
}

/**
 * Whether a unit (asked of membership, batched) lies within the caller's scope: the roll-ups over a
 * unit's subtree (OrgUnit.itCoverage) answer only for those. An unknown unit is outside every
 * restricted scope.
 */
export async function unitWithinScope(membership: MembershipLookups, unitId: string): Promise<boolean> {
  if (membership.scope.everything) return true;
  const unit = isUuid(unitId) ? await membership.units.load(unitId) : null;
  return Boolean(unit && membership.scope.containsPath(unit.path, unit.organizationId));
}

/** The unit copies of a table of UnitRecords (unit_id, unit_path, unit_level), for a module's `unitCopyTables`. */
export function unitRecordTable(table: string): UnitCopyTable {
  return { table, unitColumn: 'unit_id', pathColumn: 'unit_path', levelColumn: 'unit_level' };
}
