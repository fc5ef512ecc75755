import { insertInChunks } from '@sangathan/common';
import { runAsSystem } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { Camp } from '../modules/camp/camp.entity';
import { TrainingCampaign } from '../modules/training-campaign/training-campaign.entity';
import { Enrollment, TRAINED_STATUSES } from '../modules/enrollment/enrollment.entity';
import { CampaignPhase } from '../modules/campaign-phase/campaign-phase.entity';
import { Topic } from '../modules/topic/topic.entity';
import { TrainerTeam } from '../modules/trainer-team/trainer-team.entity';
import { buildTrainingDemo } from './campaign';

export interface TrainingSeedSummary {
  campaigns: number;
  phases: number;
  topics: number;
  trainerTeams: number;
  /** Distinct members in the trainer teams. */
  trainers: number;
  camps: number;
  enrollments: number;
  /** Distinct members with an ATTENDED or COMPLETED enrolment. */
  trainees: number;
  /** True when the demo data was already there and nothing was written. */
  alreadySeeded: boolean;
}

/** Two seed runs at once wait for each other instead of clashing on ids. */
const SEED_LOCK = 76_340_003;

const formatCount = (count: number) => count.toLocaleString('en-US');

/**
 * Demo data for case 1 on the membership demo party (same unit and member ids, built in memory, never
 * read from membership's database). Idempotent: does nothing when the campaign exists.
 */
export async function seedTraining(
  dataSource: DataSource,
  options: { log?: (message: string) => void } = {},
): Promise<TrainingSeedSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  // Audited as the system's seed job.
  return runAsSystem('seed', () =>
    dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const demo = buildTrainingDemo();
      const alreadySeeded = await manager.exists(TrainingCampaign, { where: { id: demo.campaign.id }, withDeleted: true });
      if (!alreadySeeded) {
        await insertInChunks(manager, TrainingCampaign, [demo.campaign]);
        await insertInChunks(manager, CampaignPhase, demo.phases);
        await insertInChunks(manager, Topic, demo.topics);
        await insertInChunks(manager, TrainerTeam, demo.teams);
        log(
          `seed: campaign “${demo.campaign.name}”, ${demo.phases.length} phases, ${demo.topics.length} topics, ` +
            `${demo.teams.length} trainer teams`,
        );
        await insertInChunks(manager, Camp, demo.camps);
        log(`seed: camps ${formatCount(demo.camps.length)}`);
        await insertInChunks(manager, Enrollment, demo.enrollments);
        log(`seed: enrolments ${formatCount(demo.enrollments.length)}`);
      }
      const [counts]: Omit<TrainingSeedSummary, 'alreadySeeded'>[] = await manager.query(
        `SELECT (SELECT count(*)::int FROM training_campaign WHERE organization_id = $1 AND deleted_at IS NULL) AS "campaigns",
              (SELECT count(*)::int FROM campaign_phase p JOIN training_campaign c ON c.id = p.campaign_id
                WHERE c.organization_id = $1 AND p.deleted_at IS NULL) AS "phases",
              (SELECT count(*)::int FROM topic t JOIN training_campaign c ON c.id = t.campaign_id
                WHERE c.organization_id = $1 AND t.deleted_at IS NULL) AS "topics",
              (SELECT count(*)::int FROM trainer_team t JOIN training_campaign c ON c.id = t.campaign_id
                WHERE c.organization_id = $1 AND t.deleted_at IS NULL) AS "trainerTeams",
              (SELECT count(DISTINCT trainer)::int FROM trainer_team t JOIN training_campaign c ON c.id = t.campaign_id
                CROSS JOIN LATERAL unnest(t.trainer_ids) AS trainer
                WHERE c.organization_id = $1 AND t.deleted_at IS NULL) AS "trainers",
              (SELECT count(*)::int FROM camp WHERE organization_id = $1 AND deleted_at IS NULL) AS "camps",
              (SELECT count(*)::int FROM enrollment e JOIN camp c ON c.id = e.camp_id
                WHERE c.organization_id = $1 AND e.deleted_at IS NULL) AS "enrollments",
              (SELECT count(DISTINCT e.member_id)::int FROM enrollment e JOIN camp c ON c.id = e.camp_id
                WHERE c.organization_id = $1 AND e.deleted_at IS NULL AND e.status = ANY($2::text[])) AS "trainees"`,
        [demo.party.organization.id, TRAINED_STATUSES],
      );
      log(
        alreadySeeded
          ? 'seed: demo campaign already present, nothing written'
          : `seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return { ...counts, alreadySeeded };
    }),
  );
}
