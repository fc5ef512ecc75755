import { ADVISORY_LOCKS, badUserInput, isUuid, setAuditAction, type SqlQuery } from '@sangathan/common';
import { MoreThan, type DataSource } from 'typeorm';
import type { MembershipDeps, MembershipServices } from '../../context';
import { Member } from '../member/member.entity';
import { MemberMerge } from './member-merge.entity';
import type { MergeExpectedVersions } from './member-merge.types';

/** Columns of membership's own tables that name a member. */
const MEMBER_COLUMNS = [
  { table: '"position"', column: 'member_id' },
  { table: 'assignment', column: 'cadre_id' },
  { table: 'field_visit', column: 'cadre_id' },
  { table: 'account', column: 'member_id' },
];

/**
 * Merging two members: the retired one's positions, assignments, field visits and accounts move to the
 * kept one, the kept one's empty contact fields are filled from the retired one, and the retired one is
 * soft-deleted with `merged_into_id`; a row in `member_merge` tells itcell and training, all in one
 * transaction audited as MERGE.
 */
export class MemberMergeService {
  private readonly dataSource: DataSource;
  private readonly services: MembershipServices;

  constructor(deps: MembershipDeps) {
    this.dataSource = deps.dataSource;
    this.services = deps.services;
  }

  async merge(keepId: string, retireId: string, expected: MergeExpectedVersions = {}): Promise<Member> {
    if (keepId === retireId) throw badUserInput({ retireId: 'is the member to keep; name two different members' });
    for (const [field, id] of [
      ['keepId', keepId],
      ['retireId', retireId],
    ]) {
      if (!isUuid(id)) throw badUserInput({ [field]: `"${id}" is not a valid id` });
      // Seen through the caller's scope: a merged member is a clear refusal, not "unknown".
      const member = await this.services.members.loader.load(id);
      if (member?.mergedIntoId) throw badUserInput({ [field]: `was already merged into member ${member.mergedIntoId}` });
    }
    const members = this.services.members;
    return this.dataSource.transaction(async (manager) => {
      // One merge at a time: a feed row with a lower seq can then never commit after a follower read a higher one.
      await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.memberMergeFeed]);
      // Locked in id order, so two merges of the same pair cannot deadlock.
      const locked = new Map<string, Member>();
      for (const id of [keepId, retireId].sort()) {
        locked.set(id, await members.lockForUpdate(manager, id, id === keepId ? expected.keep : expected.retire));
      }
      const kept = locked.get(keepId)!;
      const retired = locked.get(retireId)!;
      if (kept.organizationId !== retired.organizationId) throw badUserInput({ retireId: 'belongs to another organisation' });

      const query: SqlQuery = (sql, parameters) => manager.query(sql, parameters);
      await setAuditAction(query, 'MERGE');
      for (const { table, column } of MEMBER_COLUMNS) {
        await query(`UPDATE ${table} SET ${column} = $1, version = version + 1, updated_at = now() WHERE ${column} = $2`, [
          keepId,
          retireId,
        ]);
      }
      // Members merged into the retired one earlier now point at the kept one: one step from any old id.
      await query(`UPDATE member SET merged_into_id = $1, version = version + 1, updated_at = now() WHERE merged_into_id = $2`, [
        keepId,
        retireId,
      ]);
      await query(
        `UPDATE member k SET phone = coalesce(k.phone, r.phone), email = coalesce(k.email, r.email),
           date_of_birth = coalesce(k.date_of_birth, r.date_of_birth), gender = coalesce(k.gender, r.gender),
           tags = ARRAY(SELECT DISTINCT unnest(k.tags || r.tags) ORDER BY 1), version = k.version + 1, updated_at = now()
         FROM member r WHERE k.id = $1 AND r.id = $2`,
        [keepId, retireId],
      );
      await query(`UPDATE member SET merged_into_id = $1, deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $2`, [
        keepId,
        retireId,
      ]);
      // The review queue's pair (either order) is decided by the merge.
      await query(
        `UPDATE duplicate_candidate SET status = 'MERGED', version = version + 1, updated_at = now()
          WHERE status = 'OPEN' AND ((member_a_id = $1 AND member_b_id = $2) OR (member_a_id = $2 AND member_b_id = $1))`,
        [keepId, retireId],
      );
      await manager.insert(MemberMerge, { retiredId: retireId, keptId: keepId });
      return manager.findOneOrFail(Member, { where: { id: keepId } });
    });
  }

  async mergesAfter(after: number, limit: number): Promise<MemberMerge[]> {
    if (limit < 1 || limit > 5000) throw badUserInput({ limit: 'must be between 1 and 5000' });
    const merges = await this.dataSource
      .getRepository(MemberMerge)
      .find({ where: { seq: MoreThan(after) }, order: { seq: 'ASC' }, take: limit });
    return merges.map((merge) => ({ ...merge, seq: Number(merge.seq) }));
  }
}
