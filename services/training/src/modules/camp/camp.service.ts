import {
  checkDateRange,
  cleanText,
  escapeLike,
  FieldErrors,
  type FieldMessages,
  isUuid,
  noSuchRecord,
  type Page,
  type PageInput,
  unitColumns,
  type UnitInfo,
  whereUnitRecord,
  type ScopeSql,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import { In, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { TrainingDeps } from '../../context';
import { TrainingRecordService, unitRecordScope } from '../../training-records';
import { CampaignPhase } from '../campaign-phase/campaign-phase.entity';
import { EnrollmentStatus } from '../enrollment/enrollment.entity';
import { Topic } from '../topic/topic.entity';
import { TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { Camp, CampStatus } from './camp.entity';
import type { CampFilter, CampInput, CampUpdateInput } from './camp.types';

const MAX_VENUE_LENGTH = 300;
/** A camp teaches 5 topics; this leaves room for much longer programmes. */
export const MAX_TOPICS_PER_CAMP = 50;

/** A share lock: the row cannot be changed or deleted until this transaction ends, but others may read and share-lock it. */
const SHARE = { mode: 'pessimistic_read' as const };

const given = (value: string | null | undefined): value is string => value !== undefined && value !== null && value.trim() !== '';

/** Places taken in each camp: its live enrolments that are not cancelled. One query for many camps. */
export async function takenPlaces(manager: EntityManager, campIds: readonly string[]): Promise<Map<string, number>> {
  const rows: { camp_id: string; taken: number }[] = campIds.length
    ? await manager.query(
        `SELECT camp_id, count(*)::int AS taken FROM enrollment
          WHERE camp_id = ANY($1::uuid[]) AND deleted_at IS NULL AND status <> $2 GROUP BY camp_id`,
        [campIds, EnrollmentStatus.CANCELLED],
      )
    : [];
  return new Map(campIds.map((id) => [id, rows.find((row) => row.camp_id === id)?.taken ?? 0]));
}

/**
 * Locks camps (deleted ones included) for the rest of the transaction, in id order. Every write that
 * changes how many places a camp has or uses takes this lock first, so concurrent enrolments cannot
 * overfill a camp.
 */
export async function lockCamps(manager: EntityManager, campIds: readonly string[]): Promise<Map<string, Camp>> {
  const ids = [...new Set(campIds.filter(isUuid))].sort();
  const camps = ids.length
    ? await manager.find(Camp, { where: { id: In(ids) }, withDeleted: true, order: { id: 'ASC' }, lock: { mode: 'pessimistic_write' } })
    : [];
  return new Map(camps.map((camp) => [camp.id, camp]));
}

interface PhaseContext {
  phase: CampaignPhase;
  campaign: TrainingCampaign;
}

export class CampService extends TrainingRecordService<Camp, CampFilter> {
  protected readonly defaultSort = 'startsOn';

  /** Places taken in each camp (live enrolments not cancelled), for many camps in one query. */
  readonly enrolledCounts = new DataLoader<string, number>(async (ids) => {
    const counts = await takenPlaces(this.dataSource.manager, ids.filter(isUuid));
    return ids.map((id) => counts.get(id) ?? 0);
  });

  constructor(deps: TrainingDeps) {
    super(deps, Camp, 'Camp');
  }

  protected scopeSql(alias: string): ScopeSql {
    return unitRecordScope(alias);
  }

  query(filter: CampFilter = {}): SelectQueryBuilder<Camp> {
    const query = this.createQuery('c', filter, ['campaignId', 'phaseId', 'trainerTeamId', 'topicId']);
    whereUnitRecord(query, filter);
    if (filter.q?.trim()) query.andWhere('c.venue ILIKE :q', { q: `%${escapeLike(filter.q.trim())}%` });
    if (filter.campaignId) query.andWhere('c.campaignId = :campaignId', { campaignId: filter.campaignId });
    if (filter.phaseId) query.andWhere('c.phaseId = :phaseId', { phaseId: filter.phaseId });
    if (filter.statuses?.length) query.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.trainerTeamId) query.andWhere('c.trainerTeamId = :trainerTeamId', { trainerTeamId: filter.trainerTeamId });
    if (filter.topicId) query.andWhere('c.topicIds @> ARRAY[:topicId]::uuid[]', { topicId: filter.topicId });
    if (filter.from) query.andWhere('c.endsOn >= :from', { from: filter.from });
    if (filter.to) query.andWhere('c.startsOn <= :to', { to: filter.to });
    return query;
  }

  /**
   * OrgUnit.camps: the camps the caller may see at the unit or below it; none at all for a unit outside
   * the caller's scope (such a unit does not exist for them, so it has no camps either).
   */
  async withinUnit(unitId: string, statuses: CampStatus[] | undefined, page?: PageInput): Promise<Page<Camp>> {
    const visible = await this.services.membership.visibleUnitIds([unitId]);
    return this.list({ withinUnit: unitId, statuses, ...(visible.has(unitId) ? {} : { ids: [] }) }, [], page);
  }

  async create(input: CampInput): Promise<Camp> {
    const errors = new FieldErrors();
    // The organisation comes from the phase's campaign; membership is asked before any lock is taken.
    const unlocked = await this.phaseContext(new FieldErrors(), input.phaseId, this.dataSource.manager);
    const unit = await this.services.membership.requireUnit(errors, 'unitId', input.unitId, unlocked?.campaign.organizationId);
    const venue = this.checkVenue(errors, input.venue);
    checkDateRange(errors, input.startsOn, input.endsOn);
    this.checkCapacity(errors, input.capacity);
    return this.dataSource.transaction(async (manager) => {
      // Share-locked until the camp is written: the phase, team and topics cannot be deleted or changed meanwhile.
      const context = await this.phaseContext(errors, input.phaseId, manager, true);
      if (unit && context) this.checkPlacement(errors, unit.level, unit.path, context);
      if (context) this.checkWithinPhase(errors, input.startsOn, input.endsOn, context.phase);
      const campaignId = context?.campaign.id;
      const trainerTeamId = given(input.trainerTeamId)
        ? await this.checkTrainerTeam(errors, manager, input.trainerTeamId, campaignId)
        : null;
      const topicIds = await this.checkTopics(errors, manager, input.topicIds ?? [], campaignId);
      errors.throwIfAny();
      return manager.save(
        manager.create(Camp, {
          ...unitColumns(unit!),
          campaignId: context!.campaign.id,
          phaseId: context!.phase.id,
          venue: venue!,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
          capacity: input.capacity,
          trainerTeamId,
          topicIds,
          status: input.status ?? CampStatus.PLANNED,
        }),
      );
    });
  }

  async updateRecord(id: string, input: CampUpdateInput, expectedVersion?: number): Promise<Camp> {
    const errors = new FieldErrors();
    // Asked before the camp is locked, so no lock is held while membership answers.
    const unit: UnitInfo | null = given(input.unitId) ? await this.services.membership.requireUnit(errors, 'unitId', input.unitId) : null;
    return this.update(id, expectedVersion, async (camp, manager) => {
      if (unit && unit.organizationId !== camp.organizationId) errors.add('unitId', 'belongs to another organisation');
      const phaseChanged = given(input.phaseId) && input.phaseId !== camp.phaseId;
      let context: PhaseContext | null;
      if (phaseChanged) {
        context = await this.phaseContext(errors, input.phaseId!, manager, true);
        if (context && context.campaign.id !== camp.campaignId) {
          errors.add('phaseId', 'must be a phase of the camp’s campaign');
          context = null;
        }
      } else {
        const phase = await manager.findOne(CampaignPhase, { where: { id: camp.phaseId }, withDeleted: true, lock: SHARE });
        const campaign = await manager.findOne(TrainingCampaign, { where: { id: camp.campaignId }, withDeleted: true });
        context = phase && campaign ? { phase, campaign } : null;
      }
      if (context && (unit || phaseChanged) && !errors.has('unitId')) {
        this.checkPlacement(errors, unit?.level ?? camp.unitLevel, unit?.path ?? camp.unitPath, context);
      }
      const venue = input.venue !== undefined && input.venue !== null ? this.checkVenue(errors, input.venue) : camp.venue;
      const startsOn = input.startsOn ?? camp.startsOn;
      const endsOn = input.endsOn ?? camp.endsOn;
      checkDateRange(errors, startsOn, endsOn);
      if (context && (phaseChanged || input.startsOn || input.endsOn)) this.checkWithinPhase(errors, startsOn, endsOn, context.phase);
      if (input.capacity !== undefined && input.capacity !== null) {
        this.checkCapacity(errors, input.capacity);
        // The camp row is locked, and every enrolment locks it first: the count cannot change under us.
        const taken = (await takenPlaces(manager, [camp.id])).get(camp.id) ?? 0;
        if (!errors.has('capacity') && input.capacity < taken) errors.add('capacity', `must not be below the ${taken} members enrolled`);
      }
      let trainerTeamId = camp.trainerTeamId;
      // The camp's own team stays without a check (someone above the caller may have chosen it).
      if (input.trainerTeamId !== undefined && input.trainerTeamId !== camp.trainerTeamId) {
        trainerTeamId = given(input.trainerTeamId)
          ? await this.checkTrainerTeam(errors, manager, input.trainerTeamId, camp.campaignId)
          : null;
      }
      let topicIds = camp.topicIds;
      if (input.topicIds !== undefined && input.topicIds !== null) {
        topicIds = await this.checkTopics(errors, manager, input.topicIds, camp.campaignId, camp.topicIds);
        const removed = camp.topicIds.filter((topicId) => !topicIds.includes(topicId));
        if (removed.length && !Object.keys(input.topicIds).some((index) => errors.has(`topicIds.${index}`))) {
          const [{ count }]: { count: number }[] = await manager.query(
            `SELECT count(*)::int AS count FROM enrollment WHERE camp_id = $1 AND deleted_at IS NULL AND topics_attended && $2::uuid[]`,
            [camp.id, removed],
          );
          if (count) errors.add('topicIds', `${count} enrolled member(s) are recorded as attending a topic this would remove`);
        }
      }
      errors.throwIfAny();
      Object.assign(camp, unit ? unitColumns(unit) : {}, {
        phaseId: context?.phase.id ?? camp.phaseId,
        venue,
        startsOn,
        endsOn,
        capacity: input.capacity ?? camp.capacity,
        trainerTeamId,
        topicIds,
        status: input.status ?? camp.status,
      });
    });
  }

  /** The live phase an input names and its live campaign, or an error on phaseId. */
  private async phaseContext(errors: FieldErrors, phaseId: string, manager: EntityManager, lock = false): Promise<PhaseContext | null> {
    const phase = await this.services.campaignPhases.findReference(errors, 'phaseId', phaseId, {
      manager,
      lock: lock ? SHARE.mode : undefined,
    });
    if (!phase) return null;
    const campaign = await manager.findOne(TrainingCampaign, { where: { id: phase.campaignId } });
    if (!campaign) {
      errors.add('phaseId', 'its campaign was deleted');
      return null;
    }
    return { phase, campaign };
  }

  /** A camp is held at the phase's camp level, within the unit that runs the campaign. */
  private checkPlacement(errors: FieldErrors, level: string, path: string[], { phase, campaign }: PhaseContext): void {
    if (level !== phase.campLevel) {
      errors.add('unitId', `must be a unit at the phase’s camp level "${phase.campLevel}", not "${level}"`);
    } else if (!path.includes(campaign.unitId)) {
      errors.add('unitId', 'must lie within the unit that runs the campaign');
    }
  }

  private checkVenue(errors: FieldErrors, value: string | undefined): string | undefined {
    const venue = cleanText(errors, 'venue', value, true);
    if (venue && venue.length > MAX_VENUE_LENGTH) errors.add('venue', `must be at most ${MAX_VENUE_LENGTH} characters`);
    return venue;
  }

  private checkWithinPhase(errors: FieldErrors, startsOn: string, endsOn: string, phase: CampaignPhase): void {
    const range = `${phase.startsOn} to ${phase.endsOn}`;
    if (startsOn < phase.startsOn || startsOn > phase.endsOn) errors.add('startsOn', `must be within the phase (${range})`);
    if (endsOn < phase.startsOn || endsOn > phase.endsOn) errors.add('endsOn', `must be within the phase (${range})`);
  }

  private checkCapacity(errors: FieldErrors, capacity: number): void {
    if (!Number.isInteger(capacity) || capacity < 1) errors.add('capacity', 'must be a whole number, 1 or more');
  }

  private async checkTrainerTeam(
    errors: FieldErrors,
    manager: EntityManager,
    id: string,
    campaignId: string | undefined,
  ): Promise<string | null> {
    const team = await this.services.trainerTeams.findReference(errors, 'trainerTeamId', id, { manager, lock: SHARE.mode });
    if (team && campaignId && team.campaignId !== campaignId) errors.add('trainerTeamId', 'belongs to another campaign');
    return team?.id ?? null;
  }

  /**
   * Every topic must be a live topic of the campaign the caller may see (FORBIDDEN otherwise, unless the
   * camp already teaches it: `kept`); each bad one is reported at its index ("topicIds.2").
   */
  private async checkTopics(
    errors: FieldErrors,
    manager: EntityManager,
    ids: string[],
    campaignId: string | undefined,
    kept: readonly string[] = [],
  ): Promise<string[]> {
    if (ids.length > MAX_TOPICS_PER_CAMP) {
      errors.add('topicIds', `at most ${MAX_TOPICS_PER_CAMP} topics`);
      return [];
    }
    const valid = [...new Set(ids.filter(isUuid))];
    const topics = valid.length ? await manager.find(Topic, { where: { id: In(valid) }, order: { id: 'ASC' }, lock: SHARE }) : [];
    const byId = new Map(topics.map((topic) => [topic.id, topic]));
    const visible = await this.services.topics.visibleIds(
      topics.filter((topic) => !kept.includes(topic.id)).map((topic) => topic.id),
      manager,
    );
    ids.forEach((id, index) => {
      const topic = byId.get(id);
      if (!topic) errors.add(`topicIds.${index}`, noSuchRecord('Topic', id));
      else if (!kept.includes(topic.id) && !visible.has(topic.id)) errors.forbid(`topicIds.${index}`);
      else if (campaignId && topic.campaignId !== campaignId) errors.add(`topicIds.${index}`, 'belongs to another campaign');
      else if (ids.indexOf(id) !== index) errors.add(`topicIds.${index}`, `listed twice (also at topicIds.${ids.indexOf(id)})`);
    });
    return [...new Set(ids)];
  }

  /** A camp with enrolments keeps them: cancel the camp instead, or delete its enrolments first. */
  protected override deleteBlockers(camps: Camp[], manager: EntityManager): Promise<Map<string, string>> {
    return this.blockersByCount(
      camps,
      manager,
      `SELECT camp_id AS id, count(*)::int AS count FROM enrollment WHERE camp_id = ANY($1::uuid[]) AND deleted_at IS NULL GROUP BY camp_id`,
      (_camp, count) => `the camp has ${count} enrolment(s); cancel the camp instead, or delete its enrolments first`,
    );
  }

  protected override async restoreBlockers(camp: Camp, manager: EntityManager): Promise<FieldMessages> {
    const phase = await manager.findOne(CampaignPhase, { where: { id: camp.phaseId }, lock: SHARE });
    if (!phase) return { phaseId: 'the camp’s phase was deleted; restore the phase first' };
    const campaign = await manager.findOne(TrainingCampaign, { where: { id: camp.campaignId } });
    if (!campaign) return { campaignId: 'the camp’s campaign was deleted; restore the campaign first' };
    return {};
  }
}
