import DataLoader from 'dataloader';
import {
  In,
  type DataSource,
  type EntityManager,
  type EntityTarget,
  type FindOptionsWhere,
  type ObjectLiteral,
  type SelectQueryBuilder,
} from 'typeorm';
import { DataScope, type ScopeSql } from './auth/data-scope';
import type { Identity } from './auth/identity';
import type { BaseRecord } from './base-entity';
import { badUserInput, conflict, FieldErrors, noSuchRecord, notFound, type FieldMessages } from './errors';
import { paginate, toSortFields, whereIds, type Page, type PageInput, type SortDirection } from './pagination';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID_PATTERN.test(value);
}

/** Rejects malformed ids in a list argument before they reach SQL. */
export function requireUuids(ids: string[] | undefined, field: string): void {
  const bad = (ids ?? []).findIndex((id) => !isUuid(id));
  if (bad >= 0) throw badUserInput({ [field]: `"${ids![bad]}" is not a valid id` });
}

/** What every list filter has: `ids`, and `q` where the list can be searched. */
export interface RecordFilter {
  ids?: string[];
  q?: string;
}

export type LockMode = 'pessimistic_read' | 'pessimistic_write';

/**
 * The live record of `entity` an input field names, or null with "no X with id Y" on that field.
 * With `lock`, the row stays locked for the rest of the transaction `manager` belongs to.
 */
export async function findReference<T extends ObjectLiteral>(
  manager: EntityManager,
  entity: EntityTarget<T>,
  typeName: string,
  errors: FieldErrors,
  field: string,
  id: string,
  lock?: LockMode,
): Promise<T | null> {
  const record = isUuid(id)
    ? await manager.findOne(entity, { where: { id } as unknown as FindOptionsWhere<T>, ...(lock ? { lock: { mode: lock } } : {}) })
    : null;
  if (!record) errors.add(field, noSuchRecord(typeName, id));
  return record;
}

/** What a record service is built from: the database and the caller. */
export interface RecordDeps {
  dataSource: DataSource;
  identity: Identity | null;
}

/**
 * What every record service shares: a filtered query (`query`) listed as keyset pages in a default
 * order, reads by id (batched through a per-request DataLoader), reference checks, updates guarded by
 * `expectedVersion`, soft delete and restore. Rules specific to a record live in subclasses.
 *
 * Every read and write is limited to the caller's scope here, once: a record outside it is absent
 * from lists and totals, null by id and as a reference, NOT_FOUND to update, delete or restore.
 */
export abstract class RecordService<T extends BaseRecord, F extends RecordFilter = RecordFilter> {
  /** One SELECT per request for all ids asked for, deleted records included (references may be old). */
  readonly loader: DataLoader<string, T | null>;
  protected readonly dataSource: DataSource;
  /** What the caller may see. */
  readonly scope: DataScope;

  protected constructor(
    deps: RecordDeps,
    protected readonly entity: EntityTarget<T>,
    readonly typeName: string,
  ) {
    this.dataSource = deps.dataSource;
    this.scope = new DataScope(deps.identity);
    this.loader = new DataLoader(async (ids) => {
      const valid = ids.filter(isUuid);
      const rows = valid.length ? await this.scoped(this.repository.createQueryBuilder('r').withDeleted().whereInIds(valid)).getMany() : [];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    });
  }

  protected get repository() {
    return this.dataSource.getRepository(this.entity);
  }

  /**
   * Which rows of this record type lie within a scope, as SQL over `alias` (see DataScope.condition).
   * Abstract so that no record type can forget it.
   */
  protected abstract scopeSql(alias: string): ScopeSql;

  /** Limits a query over this record type to the caller's scope. */
  protected scoped<Q extends SelectQueryBuilder<T>>(query: Q): Q {
    const condition = this.scope.condition(this.scopeSql(query.alias));
    if (condition) query.andWhere(condition.where, condition.parameters);
    return query;
  }

  /** The records with these ids the caller may see, locked for the rest of the transaction. */
  protected findForWrite(manager: EntityManager, ids: string[], options: { withDeleted?: boolean } = {}): Promise<T[]> {
    const query = manager.createQueryBuilder(this.entity, 'r').whereInIds(ids).setLock('pessimistic_write');
    if (options.withDeleted) query.withDeleted();
    return this.scoped(query).getMany();
  }

  /** The property a list is ordered by when the client gives no sort. */
  protected abstract readonly defaultSort: string;

  /** The records matching a filter, unordered; `list` pages it. */
  abstract query(filter: F): SelectQueryBuilder<T> | Promise<SelectQueryBuilder<T>>;

  /** One page of the records matching the filter; a search (`q`) finds the matches before sorting them. */
  async list(filter: F = {} as F, sort: { field: string; direction: SortDirection }[] = [], page?: PageInput): Promise<Page<T>> {
    return paginate(await this.query(filter), toSortFields(sort, this.defaultSort), page, { searching: Boolean(filter.q?.trim()) });
  }

  /**
   * A query builder with the checks every filter starts with: `ids` and the named id fields must be
   * ids (BAD_USER_INPUT on `filter.<field>` otherwise), and `ids` restricts the rows.
   */
  protected createQuery(alias: string, filter: F, idFields: readonly (keyof F & string)[] = []): SelectQueryBuilder<T> {
    requireUuids(filter.ids, 'filter.ids');
    requireUuidFields(filter, idFields);
    const query = this.scoped(this.repository.createQueryBuilder(alias));
    whereIds(query, filter.ids);
    return query;
  }

  /** A live (not deleted) record, or null. */
  async get(id: string): Promise<T | null> {
    if (!isUuid(id)) return null;
    const record = await this.loader.load(id);
    return record && !record.deletedAt ? record : null;
  }

  /**
   * The live record an input field names, or null with "no X with id Y" on that field (see
   * findReference); one outside the caller's scope makes the write FORBIDDEN, naming the field.
   */
  async findReference(
    errors: FieldErrors,
    field: string,
    id: string,
    options: { manager?: EntityManager; lock?: LockMode } = {},
  ): Promise<T | null> {
    const manager = options.manager ?? this.dataSource.manager;
    const record = await findReference(manager, this.entity, this.typeName, errors, field, id, options.lock);
    if (!record || this.scope.everything) return record;
    const visible = await this.scoped(manager.createQueryBuilder(this.entity, 'r').whereInIds([id])).getCount();
    if (visible) return record;
    errors.forbid(field);
    return null;
  }

  /** The live record an input field names, or BAD_USER_INPUT on that field. */
  async requireReference(id: string, field: string, manager?: EntityManager): Promise<T> {
    const errors = new FieldErrors();
    const record = await this.findReference(errors, field, id, { manager });
    errors.throwIfAny();
    return record!;
  }

  /**
   * Locks the record for the rest of the transaction and checks its version; NOT_FOUND or CONFLICT
   * otherwise, before anything is written.
   */
  async lockForUpdate(manager: EntityManager, id: string, expectedVersion: number | undefined): Promise<T> {
    const [record] = isUuid(id) ? await this.findForWrite(manager, [id]) : [];
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
   * Why each of these live records may not be deleted (record id → message); empty when all may go.
   * Subclasses refuse deletes that would orphan other records; the base reports each on `id` or `ids.N`.
   */
  protected async deleteBlockers(_records: T[], _manager: EntityManager): Promise<Map<string, string>> {
    return new Map();
  }

  /** Soft-deletes all of `ids` or none: unknown ids and blocked records are reported per index. */
  async softDelete(ids: string[]): Promise<T[]> {
    if (!ids.length) throw badUserInput({ ids: 'name at least one record to delete' });
    requireUuids(ids, 'ids');
    return this.dataSource.transaction(async (manager) => {
      const records = await this.findForWrite(manager, ids);
      const found = new Set(records.map((record) => record.id));
      const missing = ids.filter((id) => !found.has(id));
      if (missing.length) {
        if (ids.length === 1) throw notFound(this.typeName, ids[0]);
        throw badUserInput(Object.fromEntries(missing.map((id) => [`ids.${ids.indexOf(id)}`, noSuchRecord(this.typeName, id)])));
      }
      // In the order of `ids`, so the blockers are reported in that order too.
      records.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
      const blockers = await this.deleteBlockers(records, manager);
      if (blockers.size) {
        const field = (id: string) => (ids.length === 1 ? 'id' : `ids.${ids.indexOf(id)}`);
        throw badUserInput(Object.fromEntries(records.filter((r) => blockers.has(r.id)).map((r) => [field(r.id), blockers.get(r.id)!])));
      }
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
      const [record] = isUuid(id) ? await this.findForWrite(manager, [id], { withDeleted: true }) : [];
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
