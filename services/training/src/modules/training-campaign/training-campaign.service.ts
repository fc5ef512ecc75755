import { checkDateRange, cleanText, escapeLike, FieldErrors, unitColumns, whereUnitRecord, type ScopeSql } from '@sangathan/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { TrainingDeps } from '../../context';
import { TrainingRecordService, unitRecordScope } from '../../training-records';
import { CampaignStatus, TrainingCampaign } from './training-campaign.entity';
import type { TrainingCampaignFilter, TrainingCampaignInput, TrainingCampaignUpdateInput } from './training-campaign.types';

function checkTarget(errors: FieldErrors, field: string, value: number | undefined): void {
  if (value !== undefined && (!Number.isInteger(value) || value < 0)) errors.add(field, 'must be a whole number, 0 or more');
}

/**
 * Campaigns. The records that belong to one (phases, topics, trainer teams) check it with
 * `findReference(…, { manager, lock: 'pessimistic_read' })`: the campaign row is then share-locked for
 * the rest of their transaction, so it cannot be deleted or have its dates changed until the child is
 * written, while other children of it can still be written alongside.
 */
export class TrainingCampaignService extends TrainingRecordService<TrainingCampaign, TrainingCampaignFilter> {
  protected readonly defaultSort = 'startsOn';

  constructor(deps: TrainingDeps) {
    super(deps, TrainingCampaign, 'TrainingCampaign');
  }

  protected scopeSql(alias: string): ScopeSql {
    return unitRecordScope(alias);
  }

  /** A campaign with live phases (and so perhaps camps) is not deleted under them. */
  protected override deleteBlockers(campaigns: TrainingCampaign[], manager: EntityManager): Promise<Map<string, string>> {
    return this.blockersByCount(
      campaigns,
      manager,
      `SELECT campaign_id AS id, count(*)::int AS count FROM campaign_phase WHERE campaign_id = ANY($1) AND deleted_at IS NULL GROUP BY campaign_id`,
      (campaign, phases) => `${campaign.name} still has ${phases} phase(s); delete them first`,
    );
  }

  query(filter: TrainingCampaignFilter = {}): SelectQueryBuilder<TrainingCampaign> {
    const query = this.createQuery('c', filter);
    whereUnitRecord(query, filter);
    if (filter.q?.trim()) query.andWhere('(c.name ILIKE :q OR c.description ILIKE :q)', { q: `%${escapeLike(filter.q.trim())}%` });
    if (filter.statuses?.length) query.andWhere('c.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.activeOn) query.andWhere('c.startsOn <= :activeOn AND c.endsOn >= :activeOn', { activeOn: filter.activeOn });
    return query;
  }

  async create(input: TrainingCampaignInput): Promise<TrainingCampaign> {
    const errors = new FieldErrors();
    const unit = await this.services.membership.requireUnit(errors, 'unitId', input.unitId);
    const name = cleanText(errors, 'name', input.name, true);
    checkDateRange(errors, input.startsOn, input.endsOn);
    checkTarget(errors, 'targetCamps', input.targetCamps);
    checkTarget(errors, 'targetTrainees', input.targetTrainees);
    errors.throwIfAny();
    return this.repository.save(
      this.repository.create({
        ...unitColumns(unit!),
        name: name!,
        description: input.description?.trim() || null,
        startsOn: input.startsOn,
        endsOn: input.endsOn,
        targetCamps: input.targetCamps,
        targetTrainees: input.targetTrainees,
        status: input.status ?? CampaignStatus.DRAFT,
      }),
    );
  }

  async updateRecord(id: string, input: TrainingCampaignUpdateInput, expectedVersion?: number): Promise<TrainingCampaign> {
    return this.update(id, expectedVersion, async (campaign, manager) => {
      const errors = new FieldErrors();
      const name = input.name !== undefined ? cleanText(errors, 'name', input.name, true) : campaign.name;
      const startsOn = input.startsOn ?? campaign.startsOn;
      const endsOn = input.endsOn ?? campaign.endsOn;
      checkDateRange(errors, startsOn, endsOn);
      checkTarget(errors, 'targetCamps', input.targetCamps);
      checkTarget(errors, 'targetTrainees', input.targetTrainees);
      // Phases must stay inside the campaign's dates.
      const [outside]: { count: string }[] = await manager.query(
        `SELECT count(*) AS count FROM campaign_phase WHERE campaign_id = $1 AND deleted_at IS NULL AND (starts_on < $2 OR ends_on > $3)`,
        [campaign.id, startsOn, endsOn],
      );
      if (Number(outside.count))
        errors.add(
          input.startsOn !== undefined ? 'startsOn' : 'endsOn',
          `${outside.count} phase(s) would fall outside the campaign’s dates`,
        );
      errors.throwIfAny();
      Object.assign(campaign, {
        name,
        description: input.description !== undefined ? input.description?.trim() || null : campaign.description,
        startsOn,
        endsOn,
        targetCamps: input.targetCamps ?? campaign.targetCamps,
        targetTrainees: input.targetTrainees ?? campaign.targetTrainees,
        status: input.status ?? campaign.status,
      });
    });
  }
}
