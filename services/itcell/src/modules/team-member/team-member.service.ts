import { checkDateRange, FieldErrors, today, type ScopeSql, parentWithinScope } from '@sangathan/common';
import DataLoader from 'dataloader';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { ItcellDeps } from '../../context';
import { ItcellRecordService } from '../../itcell-record-service';
import { SocialTeam } from '../social-team/social-team.entity';
import { TeamMember, TeamRole } from './team-member.entity';
import type { TeamMemberFilter, TeamMemberInput, TeamMemberUpdateInput } from './team-member.types';

/** SQL: the role is held today (started, not ended). */
const CURRENT = (alias: string) => `(${alias}.since <= :today AND (${alias}.until IS NULL OR ${alias}.until >= :today))`;

export function isCurrent(role: { since: string; until: string | null }, day = today()): boolean {
  return role.since <= day && (role.until === null || role.until >= day);
}

/** Two periods [since, until] overlap (an open end runs forever). */
function overlaps(a: { since: string; until: string | null }, b: { since: string; until: string | null }): boolean {
  return (a.until === null || a.until >= b.since) && (b.until === null || b.until >= a.since);
}

export class TeamMemberService extends ItcellRecordService<TeamMember, TeamMemberFilter> {
  protected readonly defaultSort = 'since';

  /** A member's roles in every team, newest first, for many members in one query. */
  readonly byMember = new DataLoader<string, TeamMember[]>(async (memberIds) => {
    const rows = await this.repository.find({ where: { memberId: In([...memberIds]) }, order: { since: 'DESC' } });
    return memberIds.map((id) => rows.filter((row) => row.memberId === id));
  });

  constructor(deps: ItcellDeps) {
    super(deps, TeamMember, 'TeamMember');
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: parentWithinScope('social_team', `${alias}.team_id`) };
  }

  query(filter: TeamMemberFilter = {}): SelectQueryBuilder<TeamMember> {
    const query = this.createQuery('r', filter, ['teamId', 'memberId', 'withinUnit']);
    if (filter.teamId) query.andWhere('r.teamId = :teamId', { teamId: filter.teamId });
    if (filter.memberId) query.andWhere('r.memberId = :memberId', { memberId: filter.memberId });
    if (filter.withinUnit) {
      query.andWhere('r.team_id IN (SELECT id FROM social_team WHERE unit_path @> ARRAY[:withinUnit]::uuid[] AND deleted_at IS NULL)', {
        withinUnit: filter.withinUnit,
      });
    }
    if (filter.roles?.length) query.andWhere('r.role IN (:...roles)', { roles: filter.roles });
    if (filter.current !== undefined && filter.current !== null) {
      query.andWhere(filter.current ? CURRENT('r') : `NOT ${CURRENT('r')}`, { today: today() });
    }
    return query;
  }

  async create(input: TeamMemberInput): Promise<TeamMember> {
    const errors = new FieldErrors();
    const team = await this.services.socialTeams.findReference(errors, 'teamId', input.teamId);
    await this.membership.requireMember(errors, 'memberId', input.memberId, team?.organizationId);
    const role = { since: input.since ?? today(), until: input.until ?? null };
    checkDateRange(errors, role.since, role.until, 'until');
    errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      await this.checkRoleRules(manager, errors, team!.id, input.memberId, input.role, role, null);
      errors.throwIfAny();
      return manager.save(manager.create(TeamMember, { teamId: team!.id, memberId: input.memberId, role: input.role, ...role }));
    });
  }

  async updateRecord(id: string, input: TeamMemberUpdateInput, expectedVersion?: number): Promise<TeamMember> {
    return this.update(id, expectedVersion, async (teamMember, manager) => {
      const errors = new FieldErrors();
      const role = {
        since: input.since ?? teamMember.since,
        until: input.until !== undefined ? input.until || null : teamMember.until,
      };
      checkDateRange(errors, role.since, role.until, 'until');
      errors.throwIfAny();
      await this.checkRoleRules(
        manager,
        errors,
        teamMember.teamId,
        teamMember.memberId,
        input.role ?? teamMember.role,
        role,
        teamMember.id,
      );
      errors.throwIfAny();
      Object.assign(teamMember, role, { role: input.role ?? teamMember.role });
    });
  }

  /**
   * One convenor at a time per team, and one role at a time per member in a team (periods may not
   * overlap). The team row is locked so two concurrent writes cannot both pass.
   */
  private async checkRoleRules(
    manager: EntityManager,
    errors: FieldErrors,
    teamId: string,
    memberId: string,
    role: TeamRole,
    period: { since: string; until: string | null },
    exceptId: string | null,
  ): Promise<void> {
    await manager.findOne(SocialTeam, { where: { id: teamId }, lock: { mode: 'pessimistic_write' } });
    const others = (await manager.find(TeamMember, { where: { teamId } })).filter(
      (other) => other.id !== exceptId && overlaps(other, period),
    );
    if (others.some((other) => other.memberId === memberId)) {
      errors.add('memberId', 'already holds a role in this team for an overlapping period; end it first');
    }
    if (role === TeamRole.CONVENOR && others.some((other) => other.role === TeamRole.CONVENOR)) {
      errors.add('role', 'the team already has a convenor for an overlapping period; end that role first');
    }
  }
}
