import { cleanText, escapeLike, FieldErrors, type FieldMessages, isUuid, type ScopeSql } from '@sangathan/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { TrainingDeps } from '../../context';
import { parentRecordScope, TrainingRecordService } from '../../training-records';
import { childrenByCampaign } from '../training-campaign/training-campaign.children';
import { TrainerTeam } from './trainer-team.entity';
import type { TrainerTeamFilter, TrainerTeamInput, TrainerTeamUpdateInput } from './trainer-team.types';

/** Case 1's master-trainer teams have 40 members; this leaves room for far larger ones. */
export const MAX_TRAINERS = 500;

export class TrainerTeamService extends TrainingRecordService<TrainerTeam, TrainerTeamFilter> {
  protected readonly defaultSort = 'name';

  /** Each campaign's live trainer teams by name, for many campaigns in one query. */
  readonly byCampaign = childrenByCampaign(() => this.scopedQuery('r'), { name: 'ASC', id: 'ASC' });

  constructor(deps: TrainingDeps) {
    super(deps, TrainerTeam, 'TrainerTeam');
  }

  protected scopeSql(alias: string): ScopeSql {
    return parentRecordScope('training_campaign', `${alias}.campaign_id`);
  }

  query(filter: TrainerTeamFilter = {}): SelectQueryBuilder<TrainerTeam> {
    const query = this.createQuery('t', filter, ['campaignId', 'trainerId']);
    if (filter.campaignId) query.andWhere('t.campaignId = :campaignId', { campaignId: filter.campaignId });
    if (filter.q?.trim()) query.andWhere('t.name ILIKE :q', { q: `%${escapeLike(filter.q.trim())}%` });
    // Served by the GIN index on trainer_ids.
    if (filter.trainerId) query.andWhere('t.trainerIds @> ARRAY[:trainerId]::uuid[]', { trainerId: filter.trainerId });
    return query;
  }

  async create(input: TrainerTeamInput): Promise<TrainerTeam> {
    const errors = new FieldErrors();
    const campaign = await this.services.trainingCampaigns.findReference(errors, 'campaignId', input.campaignId);
    const name = cleanText(errors, 'name', input.name, true);
    const trainerIds = campaign ? await this.checkTrainers(errors, 'trainerIds', input.trainerIds ?? [], campaign.organizationId, []) : [];
    errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      // Again under a lock: the campaign must still be live when the team is written.
      await this.services.trainingCampaigns.findReference(errors, 'campaignId', campaign!.id, { manager, lock: 'pessimistic_read' });
      errors.throwIfAny();
      return manager.save(manager.create(TrainerTeam, { campaignId: campaign!.id, name: name!, trainerIds }));
    });
  }

  async updateRecord(id: string, input: TrainerTeamUpdateInput, expectedVersion?: number): Promise<TrainerTeam> {
    return this.update(id, expectedVersion, async (team, manager) => {
      const errors = new FieldErrors();
      const campaign = await this.services.trainingCampaigns.findReference(errors, 'campaignId', team.campaignId, {
        manager,
        lock: 'pessimistic_read',
      });
      const name = input.name !== undefined ? cleanText(errors, 'name', input.name, true) : team.name;
      const trainerIds =
        input.trainerIds !== undefined && input.trainerIds !== null && campaign
          ? await this.checkTrainers(errors, 'trainerIds', input.trainerIds, campaign.organizationId, team.trainerIds)
          : team.trainerIds;
      errors.throwIfAny();
      Object.assign(team, { name, trainerIds });
    });
  }

  /** Adds members to the team's trainers (checked like trainerIds); those already in it stay where they are. */
  async addTrainers(id: string, memberIds: string[], expectedVersion?: number): Promise<TrainerTeam> {
    return this.update(id, expectedVersion, async (team, manager) => {
      const errors = new FieldErrors();
      const campaign = await this.services.trainingCampaigns.findReference(errors, 'campaignId', team.campaignId, {
        manager,
        lock: 'pessimistic_read',
      });
      const added = campaign ? await this.checkTrainers(errors, 'memberIds', memberIds, campaign.organizationId, team.trainerIds) : [];
      const trainerIds = [...new Set([...team.trainerIds, ...added])];
      if (trainerIds.length > MAX_TRAINERS) errors.add('memberIds', `a team has at most ${MAX_TRAINERS} trainers`);
      errors.throwIfAny();
      team.trainerIds = trainerIds;
    });
  }

  /** Takes members off the team's trainers; ids not in it are ignored. Members need not exist any more. */
  async removeTrainers(id: string, memberIds: string[], expectedVersion?: number): Promise<TrainerTeam> {
    const errors = new FieldErrors();
    memberIds.forEach((memberId, index) => errors.check(isUuid(memberId), `memberIds.${index}`, `"${memberId}" is not a valid id`));
    errors.throwIfAny();
    return this.update(id, expectedVersion, async (team, manager) => {
      await this.services.trainingCampaigns.findReference(errors, 'campaignId', team.campaignId, { manager, lock: 'pessimistic_read' });
      errors.throwIfAny();
      const removed = new Set(memberIds.map((memberId) => memberId.toLowerCase()));
      team.trainerIds = team.trainerIds.filter((trainerId) => !removed.has(trainerId.toLowerCase()));
    });
  }

  /**
   * Every id must be a live member of the organisation within the caller's scope (FORBIDDEN otherwise,
   * unless already one of the team's trainers: `current`); each bad one is reported at its index
   * ("trainerIds.3"). One batched lookup in membership however many there are. Returns the ids without
   * duplicates, in the order given.
   */
  private async checkTrainers(
    errors: FieldErrors,
    field: string,
    ids: string[],
    organizationId: string,
    current: readonly string[],
  ): Promise<string[]> {
    if (ids.length > MAX_TRAINERS) {
      errors.add(field, `a team has at most ${MAX_TRAINERS} trainers`);
      return [];
    }
    await this.checkMembers(errors, field, ids, organizationId, {
      keep: current,
      otherOrganization: 'belongs to another organisation than the campaign',
    });
    return [...new Set(ids.map((id) => id.toLowerCase()))];
  }

  /** A team that live camps still name as their trainers stays: they would point at a deleted team. */
  protected override deleteBlockers(teams: TrainerTeam[], manager: EntityManager): Promise<Map<string, string>> {
    return this.blockersByCount(
      teams,
      manager,
      `SELECT trainer_team_id AS id, count(*)::int AS count FROM camp
        WHERE trainer_team_id = ANY($1::uuid[]) AND deleted_at IS NULL GROUP BY trainer_team_id`,
      (team, count) => `${team.name} still runs ${count} live camp(s); give them another team first`,
    );
  }

  protected override async restoreBlockers(team: TrainerTeam, manager: EntityManager): Promise<FieldMessages> {
    const errors = new FieldErrors();
    await this.services.trainingCampaigns.findReference(errors, 'campaignId', team.campaignId, { manager, lock: 'pessimistic_read' });
    errors.throwIfAny();
    return {};
  }
}
