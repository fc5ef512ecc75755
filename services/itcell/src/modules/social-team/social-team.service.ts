import {
  checkNotInFuture,
  cleanText,
  escapeLike,
  FieldErrors,
  type FieldMessages,
  type MembershipLookups,
  type PageInput,
  paginate,
  RecordService,
  today,
  toSortFields,
  unitColumns,
  whereUnitRecord,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import { In, IsNull, Not, type DataSource, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import { SocialAccount } from '../social-account/social-account.entity';
import { TeamMember } from '../team-member/team-member.entity';
import { SocialTeam, TeamStatus } from './social-team.entity';
import type { SocialTeamFilter, SocialTeamInput, SocialTeamSort, SocialTeamUpdateInput } from './social-team.types';

export class SocialTeamService extends RecordService<SocialTeam> {
  /** The active team of each unit, for many units in one query. */
  readonly activeByUnit = new DataLoader<string, SocialTeam | null>(async (unitIds) => {
    const teams = await this.repository.find({ where: { unitId: In([...unitIds]), status: TeamStatus.ACTIVE } });
    return unitIds.map((id) => teams.find((team) => team.unitId === id) ?? null);
  });

  constructor(
    dataSource: DataSource,
    private readonly membership: MembershipLookups,
  ) {
    super(dataSource, SocialTeam, 'SocialTeam');
  }

  query(filter: SocialTeamFilter = {}): SelectQueryBuilder<SocialTeam> {
    const query = this.repository.createQueryBuilder('t');
    whereUnitRecord(query, filter);
    if (filter.q?.trim()) query.andWhere('t.name ILIKE :q', { q: `%${escapeLike(filter.q.trim())}%` });
    if (filter.statuses?.length) query.andWhere('t.status IN (:...statuses)', { statuses: filter.statuses });
    return query;
  }

  list(filter: SocialTeamFilter = {}, sort: SocialTeamSort[] = [], page?: PageInput) {
    return paginate(this.query(filter), toSortFields(sort, 'name'), page, { searching: Boolean(filter.q?.trim()) });
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

  protected override async deleteBlockers(teams: SocialTeam[], manager: EntityManager): Promise<FieldMessages> {
    const blockers: FieldMessages = {};
    for (const [index, team] of teams.entries()) {
      const current = await manager.count(TeamMember, { where: [{ teamId: team.id, until: IsNull() }] });
      if (current)
        blockers[teams.length === 1 ? 'id' : `ids.${index}`] = `${team.name} still has ${current} current members; end their roles first`;
      const accounts = current ? 0 : await manager.count(SocialAccount, { where: { ownerTeamId: team.id } });
      if (accounts) {
        blockers[teams.length === 1 ? 'id' : `ids.${index}`] =
          `${team.name} still owns ${accounts} social accounts; hand them to another owner or delete them first`;
      }
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
