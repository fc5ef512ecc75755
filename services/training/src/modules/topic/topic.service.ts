import { cleanText, escapeLike, FieldErrors, type FieldMessages, type ScopeSql } from '@sangathan/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { TrainingDeps } from '../../context';
import { parentRecordScope, TrainingRecordService } from '../../training-records';
import { childrenByCampaign } from '../training-campaign/training-campaign.children';
import { Topic } from './topic.entity';
import type { TopicFilter, TopicInput, TopicUpdateInput } from './topic.types';

const MAX_TITLE_LENGTH = 300;

type TopicValues = Partial<Pick<Topic, 'title' | 'description' | 'minutes'>>;

export class TopicService extends TrainingRecordService<Topic, TopicFilter> {
  protected readonly defaultSort = 'title';

  /** Each campaign's live topics in the order they were added, for many campaigns in one query. */
  readonly byCampaign = childrenByCampaign(() => this.scopedQuery('r'), { createdAt: 'ASC', id: 'ASC' });

  constructor(deps: TrainingDeps) {
    super(deps, Topic, 'Topic');
  }

  protected scopeSql(alias: string): ScopeSql {
    return parentRecordScope('training_campaign', `${alias}.campaign_id`);
  }

  query(filter: TopicFilter = {}): SelectQueryBuilder<Topic> {
    const query = this.createQuery('t', filter, ['campaignId']);
    if (filter.campaignId) query.andWhere('t.campaignId = :campaignId', { campaignId: filter.campaignId });
    if (filter.q?.trim()) query.andWhere('(t.title ILIKE :q OR t.description ILIKE :q)', { q: `%${escapeLike(filter.q.trim())}%` });
    return query;
  }

  async create(input: TopicInput): Promise<Topic> {
    const errors = new FieldErrors();
    const campaign = await this.services.trainingCampaigns.findReference(errors, 'campaignId', input.campaignId);
    const values = this.validate(errors, input, null);
    if (campaign && values.title) await this.checkTitleFree(this.dataSource.manager, errors, campaign.id, values.title, null);
    errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      // Again under locks: the campaign must still be live, and no other write may take the title meanwhile.
      await this.services.trainingCampaigns.findReference(errors, 'campaignId', campaign!.id, { manager, lock: 'pessimistic_read' });
      await this.checkTitleFree(manager, errors, campaign!.id, values.title!, null, true);
      errors.throwIfAny();
      return manager.save(manager.create(Topic, { description: null, minutes: null, ...values, campaignId: campaign!.id }));
    });
  }

  async updateRecord(id: string, input: TopicUpdateInput, expectedVersion?: number): Promise<Topic> {
    return this.update(id, expectedVersion, async (topic, manager) => {
      const errors = new FieldErrors();
      await this.services.trainingCampaigns.findReference(errors, 'campaignId', topic.campaignId, { manager, lock: 'pessimistic_read' });
      const values = this.validate(errors, input, topic);
      if (values.title && values.title.toLowerCase() !== topic.title.toLowerCase()) {
        await this.checkTitleFree(manager, errors, topic.campaignId, values.title, topic.id, true);
      }
      errors.throwIfAny();
      Object.assign(topic, values);
    });
  }

  /** Checks every given field (all of them on create, when `existing` is null); returns the cleaned values. */
  private validate(errors: FieldErrors, input: TopicUpdateInput, existing: Topic | null): TopicValues {
    const values: TopicValues = {};
    if (!existing || input.title !== undefined) {
      const title = cleanText(errors, 'title', input.title, true);
      if (title && title.length > MAX_TITLE_LENGTH) errors.add('title', `must be at most ${MAX_TITLE_LENGTH} characters`);
      else values.title = title;
    }
    if (input.description !== undefined) values.description = input.description?.trim() || null;
    if (input.minutes !== undefined) {
      if (input.minutes !== null && (!Number.isInteger(input.minutes) || input.minutes <= 0)) {
        errors.add('minutes', 'must be a whole number of minutes, more than 0');
      } else values.minutes = input.minutes;
    }
    return values;
  }

  /**
   * No other live topic of the campaign has this title, ignoring case. With `lock`, topic titles of the
   * campaign stay reserved until the transaction ends (there is no unique index to fall back on).
   */
  private async checkTitleFree(
    manager: EntityManager,
    errors: FieldErrors,
    campaignId: string,
    title: string,
    exceptId: string | null,
    lock = false,
  ): Promise<void> {
    if (lock) await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`topic-title:${campaignId}`]);
    const query = manager
      .createQueryBuilder(Topic, 't')
      .where('t.campaignId = :campaignId AND lower(t.title) = lower(:title)', { campaignId, title });
    if (exceptId) query.andWhere('t.id <> :exceptId', { exceptId });
    const other = await query.getOne();
    if (other) errors.add('title', `the campaign already has a topic “${other.title}”`);
  }

  /** A topic that live camps still teach stays: they would point at a deleted topic. */
  protected override deleteBlockers(topics: Topic[], manager: EntityManager): Promise<Map<string, string>> {
    return this.blockersByCount(
      topics,
      manager,
      `SELECT topic_id AS id, count(*)::int AS count
         FROM camp c, unnest(c.topic_ids) AS topic_id
        WHERE c.deleted_at IS NULL AND c.campaign_id = ANY($2::uuid[]) AND topic_id = ANY($1::uuid[])
        GROUP BY topic_id`,
      (topic, count) => `${topic.title} is still taught in ${count} live camp(s); take it off them first`,
      [[...new Set(topics.map((topic) => topic.campaignId))]],
    );
  }

  protected override async restoreBlockers(topic: Topic, manager: EntityManager): Promise<FieldMessages> {
    const errors = new FieldErrors();
    await this.services.trainingCampaigns.findReference(errors, 'campaignId', topic.campaignId, { manager, lock: 'pessimistic_read' });
    await this.checkTitleFree(manager, errors, topic.campaignId, topic.title, topic.id, true);
    errors.throwIfAny();
    return {};
  }
}
