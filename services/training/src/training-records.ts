import {
  type BaseRecord,
  type FieldErrors,
  type MemberInfo,
  noSuchRecord,
  parentWithinScope,
  pathWithinScope,
  RecordService,
  type RecordFilter,
  type ScopeSql,
} from '@sangathan/common';
import type { EntityManager, EntityTarget, SelectQueryBuilder } from 'typeorm';
import type { TrainingDeps, TrainingServices } from './context';

// What the caller may see of training (see README, "Who sees what"): campaigns and camps by the unit they
// belong to; a campaign's phases, topics and trainer teams with their campaign; enrolments with their camp.

/** Scope SQL of a record that keeps its unit's ancestry (campaigns, camps). */
export function unitRecordScope(alias: string): ScopeSql {
  return { unit: pathWithinScope(`${alias}.unit_path`), organization: `${alias}.organization_id` };
}

/**
 * Scope SQL of a record that belongs to a unit record (a campaign's phase, a camp's enrolment): it lies
 * where its parent lies, in the parent's organisation too (an organisation-wide account has no scope unit).
 */
export function parentRecordScope(parentTable: string, foreignKeySql: string): ScopeSql {
  return {
    unit: parentWithinScope(parentTable, foreignKeySql),
    organization: `(SELECT scope_org.organization_id FROM ${parentTable} scope_org WHERE scope_org.id = ${foreignKeySql})`,
  };
}

/** What training's record services share: the request's other services, scope helpers, and delete blockers from counts of live dependants. */
export abstract class TrainingRecordService<T extends BaseRecord, F extends RecordFilter = RecordFilter> extends RecordService<T, F> {
  /** The request's services; read them when a method runs, not in the constructor (they are filled after it). */
  protected readonly services: TrainingServices;

  protected constructor(deps: TrainingDeps, entity: EntityTarget<T>, typeName: string) {
    super(deps, entity, typeName);
    this.services = deps.services;
  }

  /** A query over the records the caller may see (live ones; add conditions with andWhere, never where). */
  protected scopedQuery(alias: string, manager: EntityManager = this.dataSource.manager): SelectQueryBuilder<T> {
    return this.scoped(manager.createQueryBuilder(this.entity, alias));
  }

  /**
   * The records with these ids the caller may see, in id order; with `lock`, locked for the rest of the
   * transaction (in id order, like every other lock here). Ids outside the scope are simply absent.
   */
  protected findVisible(
    manager: EntityManager,
    ids: readonly string[],
    options: { lock?: boolean; withDeleted?: boolean } = {},
  ): Promise<T[]> {
    if (!ids.length) return Promise.resolve([]);
    const query = this.scopedQuery('r', manager)
      .andWhereInIds([...ids])
      .orderBy('r.id', 'ASC');
    if (options.lock) query.setLock('pessimistic_write');
    if (options.withDeleted) query.withDeleted();
    return query.getMany();
  }

  /** Of these ids, those of records (live or deleted) the caller may see; for checks of ids a write names. */
  async visibleIds(ids: readonly string[], manager: EntityManager = this.dataSource.manager): Promise<Set<string>> {
    return new Set((await this.findVisible(manager, ids, { withDeleted: true })).map((record) => record.id));
  }

  /**
   * The members an input list names, in one batched lookup in membership, each checked as
   * MembershipLookups.requireMember does and reported at `<field>.<index>`: unknown or deleted, of another
   * organisation than `organizationId`, or outside the caller's scope (FORBIDDEN). Ids in `keep` (members
   * the record already holds) are not refused for scope: an editor may keep what someone above them set.
   * Null at every index with an error.
   */
  protected async checkMembers(
    errors: FieldErrors,
    field: string,
    ids: readonly string[],
    organizationId: string,
    options: { keep?: readonly string[]; otherOrganization?: string } = {},
  ): Promise<(MemberInfo | null)[]> {
    const members = await this.services.membership.members.loadMany(ids);
    const failure = members.find((member) => member instanceof Error);
    if (failure) throw failure;
    const keep = new Set(options.keep?.map((id) => id.toLowerCase()));
    return ids.map((id, index) => {
      const member = members[index] as MemberInfo | null;
      const key = `${field}.${index}`;
      if (!member) errors.add(key, noSuchRecord('Member', id));
      else if (member.organizationId !== organizationId) errors.add(key, options.otherOrganization ?? 'belongs to another organisation');
      else if (!keep.has(id.toLowerCase()) && !this.scope.containsPath(member.unit.path, member.organizationId)) errors.forbid(key);
      else return member;
      return null;
    });
  }

  /**
   * Delete blockers from live dependants: `countSql` yields (id, count) for the record ids in $1 (more
   * parameters follow in `parameters`); a record with a count gets `message(record, count)`.
   */
  protected async blockersByCount(
    records: T[],
    manager: EntityManager,
    countSql: string,
    message: (record: T, count: number) => string,
    parameters: unknown[] = [],
  ): Promise<Map<string, string>> {
    const rows: { id: string; count: number }[] = await manager.query(countSql, [records.map((record) => record.id), ...parameters]);
    const counts = new Map(rows.map((row) => [row.id, row.count]));
    const blockers = new Map<string, string>();
    for (const record of records) {
      const count = counts.get(record.id);
      if (count) blockers.set(record.id, message(record, count));
    }
    return blockers;
  }
}
