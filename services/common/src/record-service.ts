import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { BaseRecord } from './base-entity';
import { badUserInput, conflict, notFound, type FieldMessages } from './errors';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Rejects malformed ids in a list argument before they reach SQL. */
export function requireUuids(ids: string[] | undefined, field: string): void {
  const bad = (ids ?? []).findIndex((id) => !isUuid(id));
  if (bad >= 0) throw badUserInput({ [field]: `"${ids![bad]}" is not a valid id` });
}

/**
 * What every record service shares: reads by id (batched through a per-request DataLoader), updates
 * guarded by `expectedVersion`, soft delete and restore. Rules specific to a record live in subclasses.
 */
export abstract class RecordService<T extends BaseRecord> {
  /** One SELECT per request for all ids asked for, deleted records included (references may be old). */
  readonly loader: DataLoader<string, T | null>;

  protected constructor(
    protected readonly dataSource: DataSource,
    protected readonly entity: EntityTarget<T>,
    readonly typeName: string,
  ) {
    this.loader = new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.repository.find({ where: { id: In(valid) } as FindOptionsWhere<T>, withDeleted: true }) : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  protected get repository() {
    return this.dataSource.getRepository(this.entity);
  }

  /** A live (not deleted) record, or null. */
  async get(id: string): Promise<T | null> {
    if (!isUuid(id)) return null;
    const record = await this.loader.load(id);
    return record && !record.deletedAt ? record : null;
  }

  /** A live record referenced by an input field, or BAD_USER_INPUT on that field. */
  async requireReference(id: string, field: string, manager?: EntityManager): Promise<T> {
    const record = isUuid(id)
      ? await (manager ?? this.dataSource.manager).findOne(this.entity, { where: { id } as FindOptionsWhere<T> })
      : null;
    if (!record) throw badUserInput({ [field]: `no ${this.typeName} with id ${id}` });
    return record;
  }

  /**
   * Locks the record for the rest of the transaction and checks its version; NOT_FOUND or CONFLICT
   * otherwise, before anything is written.
   */
  async lockForUpdate(manager: EntityManager, id: string, expectedVersion: number | undefined): Promise<T> {
    const record = isUuid(id)
      ? await manager.findOne(this.entity, { where: { id } as FindOptionsWhere<T>, lock: { mode: 'pessimistic_write' } })
      : null;
    if (!record) throw notFound(this.typeName, id);
    if (expectedVersion !== undefined && expectedVersion !== null && record.version !== expectedVersion) {
      throw conflict(this.typeName, id, expectedVersion, record.version);
    }
    return record;
  }

  /** Runs `change` on the locked record and saves it (version + 1). */
  async update(
    id: string,
    expectedVersion: number | undefined,
    change: (record: T, manager: EntityManager) => Promise<void> | void,
  ): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const record = await this.lockForUpdate(manager, id, expectedVersion);
      await change(record, manager);
      return manager.save(record);
    });
  }

  /**
   * Why each of these live records may not be deleted (field → message); empty when all may go.
   * Subclasses refuse deletes that would orphan other records.
   */
  protected async deleteBlockers(_records: T[], _manager: EntityManager): Promise<FieldMessages> {
    return {};
  }

  /** Soft-deletes all of `ids` or none: unknown ids and blocked records are reported per index. */
  async softDelete(ids: string[]): Promise<T[]> {
    requireUuids(ids, 'ids');
    return this.dataSource.transaction(async (manager) => {
      const records = await manager.find(this.entity, {
        where: { id: In(ids) } as FindOptionsWhere<T>,
        lock: { mode: 'pessimistic_write' },
      });
      const found = new Set(records.map((record) => record.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) {
        if (ids.length === 1) throw notFound(this.typeName, ids[0]);
        throw badUserInput(Object.fromEntries(missing.map((id) => [`ids.${ids.indexOf(id)}`, `no ${this.typeName} with id ${id}`])));
      }
      // In the order of `ids`, so a blocker reported as "ids.N" names the right record.
      records.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      const blockers = await this.deleteBlockers(records, manager);
      if (Object.keys(blockers).length) throw badUserInput(blockers);
      await manager.softDelete(this.entity, ids);
      return manager.find(this.entity, { where: { id: In(ids) } as FindOptionsWhere<T>, withDeleted: true });
    });
  }

  /** Checks before a restore (e.g. a unique number now taken by another record). */
  protected async restoreBlockers(_record: T, _manager: EntityManager): Promise<FieldMessages> {
    return {};
  }

  async restore(id: string): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      const record = isUuid(id)
        ? await manager.findOne(this.entity, {
            where: { id } as FindOptionsWhere<T>,
            withDeleted: true,
            lock: { mode: 'pessimistic_write' },
          })
        : null;
      if (!record) throw notFound(this.typeName, id);
      if (!record.deletedAt) return record;
      const blockers = await this.restoreBlockers(record, manager);
      if (Object.keys(blockers).length) throw badUserInput(blockers);
      await manager.restore(this.entity, id);
      return manager.findOneOrFail(this.entity, { where: { id } as FindOptionsWhere<T> });
    });
  }
}

/** Rejects a filter whose id fields (e.g. unitId, withinUnit) are not ids, naming the field. */
export function requireUuidFields<F extends object>(filter: F, fields: readonly (keyof F & string)[]): void {
  for (const field of fields) {
    const value = filter[field];
    if (value !== undefined && value !== null) requireUuids([value as string], `filter.${field}`);
  }
}
