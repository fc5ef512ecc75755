import {
  badUserInput,
  checkDateRange,
  cleanText,
  escapeLike,
  FieldErrors,
  type FieldMessages,
  isUniqueViolation,
  type PageInput,
  paginate,
  SortDirection,
  type ScopeSql,
} from '@sangathan/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { TrainingDeps } from '../../context';
import { parentRecordScope, TrainingRecordService } from '../../training-records';
import { checkCount, childrenByCampaign } from '../training-campaign/training-campaign.children';
import type { TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { CampaignPhase } from './campaign-phase.entity';
import type { CampaignPhaseFilter, CampaignPhaseInput, CampaignPhaseSort, CampaignPhaseUpdateInput } from './campaign-phase.types';

type PhaseValues = Partial<Pick<CampaignPhase, 'number' | 'name' | 'startsOn' | 'endsOn' | 'targetCamps' | 'targetTrainees' | 'campLevel'>>;

/** Without a sort: by campaign, then phase number. */
const DEFAULT_ORDER = [
  { property: 'campaignId', direction: SortDirection.ASC },
  { property: 'number', direction: SortDirection.ASC },
];

export class CampaignPhaseService extends TrainingRecordService<CampaignPhase, CampaignPhaseFilter> {
  protected readonly defaultSort = 'number';

  /** Each campaign's live phases in order of number, for many campaigns in one query. */
  readonly byCampaign = childrenByCampaign(() => this.scopedQuery('r'), { number: 'ASC' });

  constructor(deps: TrainingDeps) {
    super(deps, CampaignPhase, 'CampaignPhase');
  }

  protected scopeSql(alias: string): ScopeSql {
    return parentRecordScope('training_campaign', `${alias}.campaign_id`);
  }

  query(filter: CampaignPhaseFilter = {}): SelectQueryBuilder<CampaignPhase> {
    const query = this.createQuery('p', filter, ['campaignId']);
    if (filter.campaignId) query.andWhere('p.campaignId = :campaignId', { campaignId: filter.campaignId });
    if (filter.q?.trim()) query.andWhere('p.name ILIKE :q', { q: `%${escapeLike(filter.q.trim())}%` });
    return query;
  }

  /** By campaign, then phase number, unless a sort is given. */
  override list(filter: CampaignPhaseFilter = {}, sort: CampaignPhaseSort[] = [], page?: PageInput) {
    if (sort.length) return super.list(filter, sort, page);
    return paginate(this.query(filter), DEFAULT_ORDER, page, { searching: Boolean(filter.q?.trim()) });
  }

  async create(input: CampaignPhaseInput): Promise<CampaignPhase> {
    const errors = new FieldErrors();
    const campaign = await this.services.trainingCampaigns.findReference(errors, 'campaignId', input.campaignId);
    const values = await this.validate(errors, input, campaign, null);
    if (campaign && values.number !== undefined)
      await this.checkNumberFree(this.dataSource.manager, errors, campaign.id, values.number, null);
    errors.throwIfAny();
    return this.reportingDuplicates(() =>
      this.dataSource.transaction(async (manager) => {
        // Again under a lock: the campaign may have been deleted or have had its dates changed meanwhile.
        const locked = await this.services.trainingCampaigns.findReference(errors, 'campaignId', campaign!.id, {
          manager,
          lock: 'pessimistic_read',
        });
        if (locked) checkInsideCampaign(errors, values.startsOn!, values.endsOn!, locked);
        errors.throwIfAny();
        return manager.save(manager.create(CampaignPhase, { ...values, campaignId: campaign!.id }));
      }),
    );
  }

  async updateRecord(id: string, input: CampaignPhaseUpdateInput, expectedVersion?: number): Promise<CampaignPhase> {
    return this.reportingDuplicates(() =>
      this.update(id, expectedVersion, async (phase, manager) => {
        const errors = new FieldErrors();
        const campaign = await this.services.trainingCampaigns.findReference(errors, 'campaignId', phase.campaignId, {
          manager,
          lock: 'pessimistic_read',
        });
        const values = await this.validate(errors, input, campaign, phase);
        if (values.number !== undefined && values.number !== phase.number) {
          await this.checkNumberFree(manager, errors, phase.campaignId, values.number, phase.id);
        }
        await this.checkCampsFit(manager, errors, phase, values);
        errors.throwIfAny();
        Object.assign(phase, values);
      }),
    );
  }

  override restore(id: string): Promise<CampaignPhase> {
    return this.reportingDuplicates(() => super.restore(id));
  }

  /**
   * Checks every given field (all of them on create, when `existing` is null) against the campaign;
   * returns the cleaned values. The camp level is checked against the organisation's levels in membership.
   */
  private async validate(
    errors: FieldErrors,
    input: CampaignPhaseUpdateInput,
    campaign: TrainingCampaign | null,
    existing: CampaignPhase | null,
  ): Promise<PhaseValues> {
    const values: PhaseValues = {};
    if (input.number !== undefined && input.number !== null) {
      if (!Number.isInteger(input.number) || input.number < 1) errors.add('number', 'must be a whole number, 1 or more');
      else values.number = input.number;
    }
    if (!existing || input.name !== undefined) values.name = cleanText(errors, 'name', input.name, true);

    const startsOn = input.startsOn ?? existing?.startsOn;
    const endsOn = input.endsOn ?? existing?.endsOn;
    if (input.startsOn) values.startsOn = input.startsOn;
    if (input.endsOn) values.endsOn = input.endsOn;
    checkDateRange(errors, startsOn, endsOn);
    if (campaign && startsOn && endsOn) checkInsideCampaign(errors, startsOn, endsOn, campaign);

    checkCount(errors, 'targetCamps', input.targetCamps);
    checkCount(errors, 'targetTrainees', input.targetTrainees);
    if (input.targetCamps !== undefined && input.targetCamps !== null) values.targetCamps = input.targetCamps;
    if (input.targetTrainees !== undefined && input.targetTrainees !== null) values.targetTrainees = input.targetTrainees;

    if (!existing || (input.campLevel !== undefined && input.campLevel !== null)) {
      const campLevel = cleanText(errors, 'campLevel', input.campLevel, true);
      if (campLevel && campaign) await this.checkCampLevel(errors, campLevel, campaign);
      values.campLevel = campLevel;
    }
    return values;
  }

  /** A unit level of the campaign's organisation, not above the level of the unit that runs the campaign. */
  private async checkCampLevel(errors: FieldErrors, key: string, campaign: TrainingCampaign): Promise<void> {
    const organization = await this.services.membership.organizations.load(campaign.organizationId);
    if (!organization) {
      errors.add('campLevel', 'the campaign’s organisation is not known to membership');
      return;
    }
    const level = organization.unitLevels.find((candidate) => candidate.key === key);
    const own = organization.unitLevels.find((candidate) => candidate.key === campaign.unitLevel);
    if (!level) errors.add('campLevel', `must be one of ${organization.unitLevels.map((candidate) => candidate.key).join(', ')}`);
    else if (own && level.rank < own.rank) errors.add('campLevel', `must not be above the campaign’s own level (${own.key})`);
  }

  private async checkNumberFree(manager: EntityManager, errors: FieldErrors, campaignId: string, number: number, exceptId: string | null) {
    const query = manager
      .createQueryBuilder(CampaignPhase, 'p')
      .where('p.campaignId = :campaignId AND p.number = :number', { campaignId, number });
    if (exceptId) query.andWhere('p.id <> :exceptId', { exceptId });
    const other = await query.getOne();
    if (other) errors.add('number', `the campaign already has a phase ${number}: ${other.name}`);
  }

  /** The phase's live camps must stay inside its dates and at its camp level. */
  private async checkCampsFit(manager: EntityManager, errors: FieldErrors, phase: CampaignPhase, values: PhaseValues): Promise<void> {
    const startsOn = values.startsOn ?? phase.startsOn;
    const endsOn = values.endsOn ?? phase.endsOn;
    if (startsOn !== phase.startsOn || endsOn !== phase.endsOn) {
      const [outside]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM camp WHERE phase_id = $1 AND deleted_at IS NULL AND (starts_on < $2 OR ends_on > $3)`,
        [phase.id, startsOn, endsOn],
      );
      if (outside.count) {
        errors.add(startsOn !== phase.startsOn ? 'startsOn' : 'endsOn', `${outside.count} camp(s) would fall outside the phase’s dates`);
      }
    }
    if (values.campLevel && values.campLevel !== phase.campLevel) {
      const [elsewhere]: { count: number }[] = await manager.query(
        `SELECT count(*)::int AS count FROM camp WHERE phase_id = $1 AND deleted_at IS NULL AND unit_level <> $2`,
        [phase.id, values.campLevel],
      );
      if (elsewhere.count) errors.add('campLevel', `${elsewhere.count} live camp(s) of this phase are held at ${phase.campLevel}`);
    }
  }

  /** The unique index is the last word: a write that raced past checkNumberFree still gets a field error. */
  private async reportingDuplicates<R>(write: () => Promise<R>): Promise<R> {
    try {
      return await write();
    } catch (error) {
      if (isUniqueViolation(error)) throw badUserInput({ number: 'the campaign already has a phase with this number' });
      throw error;
    }
  }

  protected override deleteBlockers(phases: CampaignPhase[], manager: EntityManager): Promise<Map<string, string>> {
    return this.blockersByCount(
      phases,
      manager,
      `SELECT phase_id AS id, count(*)::int AS count FROM camp WHERE phase_id = ANY($1::uuid[]) AND deleted_at IS NULL GROUP BY phase_id`,
      (phase, count) => `${phase.name} still has ${count} live camp(s); delete or move them first`,
    );
  }

  protected override async restoreBlockers(phase: CampaignPhase, manager: EntityManager): Promise<FieldMessages> {
    const errors = new FieldErrors();
    const campaign = await this.services.trainingCampaigns.findReference(errors, 'campaignId', phase.campaignId, {
      manager,
      lock: 'pessimistic_read',
    });
    if (campaign) checkInsideCampaign(errors, phase.startsOn, phase.endsOn, campaign);
    await this.checkNumberFree(manager, errors, phase.campaignId, phase.number, phase.id);
    errors.throwIfAny();
    return {};
  }
}

function checkInsideCampaign(errors: FieldErrors, startsOn: string, endsOn: string, campaign: TrainingCampaign): void {
  if (startsOn < campaign.startsOn) errors.add('startsOn', `must not be before the campaign starts (${campaign.startsOn})`);
  if (endsOn > campaign.endsOn) errors.add('endsOn', `must not be after the campaign ends (${campaign.endsOn})`);
}
