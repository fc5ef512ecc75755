import {
  checkNotInFuture,
  cleanText,
  escapeLike,
  FieldErrors,
  type FieldMessages,
  today,
  unitColumns,
  whereUnitRecord,
  type ScopeSql,
  pathWithinScope,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import { In, IsNull, Not, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { ItcellDeps } from '../../context';
import { ItcellRecordService } from '../../itcell-record-service';
import { SocialAccount } from '../social-account/social-account.entity';
import { TeamMember } from '../team-member/team-member.entity';
import { SocialTeam, TeamStatus } from './social-team.entity';
import type { SocialTeamFilter, SocialTeamInput, SocialTeamUpdateInput } from './social-team.types';

export class SocialTeamService extends ItcellRecordService<SocialTeam, SocialTeamFilter> {
  protected readonly defaultSort = 'name';

  /** The active team of each unit, for many units in one query. */
  readonly activeByUnit = new DataLoader<string, SocialTeam | null>(async (unitIds) => {
    const teams = await this.repository.find({ where: { unitId: In([...unitIds]), status: TeamStatus.ACTIVE } });
    return unitIds.map((id) => teams.find((team) => team.unitId === id) ?? null);
  });

  constructor(deps: ItcellDeps) {
    super(deps, SocialTeam, 'SocialTeam');
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: pathWithinScope(`${alias}.unit_path`), organization: `${alias}.organization_id` };
  }

  query(filter: SocialTeamFilter = {}): SelectQueryBuilder<SocialTeam> {
    const query = this.createQuery('t', filter);
    whereUnitRecord(query, filter);
    if (filter.q?.trim()) query.andWhere('t.name ILIKE :q', { q: `%${escapeLike(filter.q.trim())}%` });
    if (filter.statuses?.length) query.andWhere('t.status IN (:...statuses)', { statuses: filter.statuses });
    return query;
  }

  async create(input: SocialTeamInput): Promise<SocialTeam> {
    const errors = new FieldErrors();
    const unit = await this.membership.requireUnit(errors, 'unitId', input.unitId);
    const name = cleanText(errors, 'name', input.name, true);
    checkNotInFuture(errors, 'formedOn', input.formedOn);
    errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      const status = input.status ?? TeamStatus.ACTIVE;
      if (status === TeamStatus.ACTIVE) await this.checkNoOtherActiveTeam(manager, errors, unit!.id, null);
      errors.throwIfAny();
      return manager.save(manager.create(SocialTeam, { ...unitColumns(unit!), name: name!, formedOn: input.formedOn ?? today(), status }));
    });
  }

  async updateRecord(id: string, input: SocialTeamUpdateInput, expectedVersion?: number): Promise<SocialTeam> {
    return this.update(id, expectedVersion, async (team, manager) => {
      const errors = new FieldErrors();
      const name = input.name !== undefined ? cleanText(errors, 'name', input.name, true) : team.name;
      checkNotInFuture(errors, 'formedOn', input.formedOn);
      if (input.status === TeamStatus.ACTIVE && team.status !== TeamStatus.ACTIVE) {
        await this.checkNoOtherActiveTeam(manager, errors, team.unitId, team.id);
      }
      errors.throwIfAny();
      Object.assign(team, { name, formedOn: input.formedOn ?? team.formedOn, status: input.status ?? team.status });
    });
  }

  private async checkNoOtherActiveTeam(manager: EntityManager, errors: FieldErrors, unitId: string, exceptId: string | null) {
    const other = await manager.findOne(SocialTeam, {
      where: { unitId, status: TeamStatus.ACTIVE, ...(exceptId ? { id: Not(exceptId) } : {}) },
    });
    if (other) errors.add('unitId', `this unit already has an active team: ${other.name}`);
  }

  protected override async deleteBlockers(teams: SocialTeam[], manager: EntityManager): Promise<Map<string, string>> {
    const blockers = new Map<string, string>();
    for (const team of teams) {
      const current = await manager.count(TeamMember, { where: [{ teamId: team.id, until: IsNull() }] });
      if (current) blockers.set(team.id, `${team.name} still has ${current} current members; end their roles first`);
      const accounts = current ? 0 : await manager.count(SocialAccount, { where: { ownerTeamId: team.id } });
      if (accounts)
        blockers.set(team.id, `${team.name} still owns ${accounts} social accounts; hand them to another owner or delete them first`);
    }
    return blockers;
  }

  protected override async restoreBlockers(team: SocialTeam, manager: EntityManager): Promise<FieldMessages> {
    if (team.status !== TeamStatus.ACTIVE) return {};
    const errors = new FieldErrors();
    await this.checkNoOtherActiveTeam(manager, errors, team.unitId, team.id);
    return errors.empty ? {} : { unitId: 'another active team now serves this unit' };
  }
}
