import { badUserInput, isUuid, requireUuids } from '@sangathan/common';
import DataLoader from 'dataloader';
import type { DataSource } from 'typeorm';
import type { TrainingDeps, TrainingServices } from '../../context';
import { CampStatus } from '../camp/camp.entity';
import type { TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { TRAINED_STATUSES } from '../enrollment/enrollment.entity';
import type { CampaignPhase } from '../campaign-phase/campaign-phase.entity';
import type { TrainingProgress, TrainingUnitProgress } from './progress.types';

/** A camp is held once it has started: ONGOING or COMPLETED. */
export const HELD_STATUSES = [CampStatus.ONGOING, CampStatus.COMPLETED];

/** achieved / target as a percentage with one decimal; 0 when there is no target. */
export const percent = (achieved: number, target: number) => (target ? Math.round((achieved / target) * 1000) / 10 : 0);

export function toProgress(counts: {
  targetCamps: number;
  campsPlanned: number;
  campsHeld: number;
  targetTrainees: number;
  trainees: number;
}): TrainingProgress {
  return {
    ...counts,
    percentCamps: percent(counts.campsHeld, counts.targetCamps),
    percentTrainees: percent(counts.trainees, counts.targetTrainees),
  };
}

/**
 * Parameters every progress query shares: $2 the held camp statuses, $3 the trained enrolment statuses,
 * $4 the cancelled camp status. $1 (and $5) carry the keys asked for.
 */
const SHARED = [HELD_STATUSES, TRAINED_STATUSES, CampStatus.CANCELLED];

/**
 * The one statement behind each progress loader. `scope` yields (key, target_camps, target_trainees,
 * owner, within) per key asked for; `counted` yields (key, id, status) for every counted camp of a key:
 * live, not CANCELLED. Camps and distinct trainees are then counted per key in the same statement.
 */
function progressSql(scope: string, counted: string): string {
  return `WITH scope AS (${scope}),
       counted AS (${counted}),
       camps AS (
         SELECT key, count(*) AS planned, count(*) FILTER (WHERE status = ANY($2::text[])) AS held
           FROM counted GROUP BY key),
       trained AS (
         SELECT k.key, count(DISTINCT e.member_id) AS trainees
           FROM counted k JOIN enrollment e ON e.camp_id = k.id
          WHERE e.deleted_at IS NULL AND e.status = ANY($3::text[])
          GROUP BY k.key)
  SELECT s.key, s.target_camps, s.target_trainees,
         coalesce(camps.planned, 0) AS planned, coalesce(camps.held, 0) AS held, coalesce(trained.trainees, 0) AS trainees
    FROM scope s LEFT JOIN camps ON camps.key = s.key LEFT JOIN trained ON trained.key = s.key`;
}

interface ProgressRow {
  key: string;
  target_camps: number | string;
  target_trainees: number | string;
  planned: number | string;
  held: number | string;
  trainees: number | string;
}

const rowToProgress = (row: ProgressRow): TrainingProgress =>
  toProgress({
    targetCamps: Number(row.target_camps),
    campsPlanned: Number(row.planned),
    campsHeld: Number(row.held),
    targetTrainees: Number(row.target_trainees),
    trainees: Number(row.trainees),
  });

/**
 * Targets against actual for campaigns, phases, camps and units, each batched: a list of any of them
 * is one SQL statement. Counts come from the ancestry copies on camps (camp.unit_path), so a campaign
 * or phase counts only the camps that lie within the campaign's owner unit, wherever that unit now sits.
 *
 * Scope: every roll-up starts from a record the caller may see (a campaign, phase or camp reached
 * through its scoped loader or list) or checks the unit and campaign it is asked for (OrgUnit
 * .trainingProgress). A visible campaign's owner unit lies within the caller's scope, and so does every
 * camp counted for it (counted camps lie within the owner unit), so no roll-up counts data outside it.
 */
export class ProgressService {
  /** A campaign's own targets against its counted camps within its owner unit. */
  readonly campaigns = new DataLoader<string, TrainingProgress>((ids) =>
    this.load(
      ids,
      progressSql(
        `SELECT t.id AS key, t.target_camps, t.target_trainees, t.unit_id AS owner
           FROM training_campaign t WHERE t.id = ANY($1::uuid[])`,
        `SELECT s.key, c.id, c.status FROM scope s
           JOIN camp c ON c.campaign_id = s.key AND c.unit_path @> ARRAY[s.owner]
          WHERE c.deleted_at IS NULL AND c.status <> $4`,
      ),
    ),
  );

  /** A phase's own targets against its counted camps within the campaign's owner unit. */
  readonly phases = new DataLoader<string, TrainingProgress>((ids) =>
    this.load(
      ids,
      progressSql(
        `SELECT p.id AS key, p.target_camps, p.target_trainees, t.unit_id AS owner
           FROM campaign_phase p JOIN training_campaign t ON t.id = p.campaign_id WHERE p.id = ANY($1::uuid[])`,
        `SELECT s.key, c.id, c.status FROM scope s
           JOIN camp c ON c.phase_id = s.key AND c.unit_path @> ARRAY[s.owner]
          WHERE c.deleted_at IS NULL AND c.status <> $4`,
      ),
    ),
  );

  /** One camp: a target of 1 camp and of its capacity in trainees. */
  readonly camps = new DataLoader<string, TrainingProgress>((ids) =>
    this.load(
      ids,
      progressSql(
        `SELECT c.id AS key, 1 AS target_camps, c.capacity AS target_trainees FROM camp c WHERE c.id = ANY($1::uuid[])`,
        `SELECT c.id AS key, c.id, c.status FROM camp c WHERE c.id = ANY($1::uuid[]) AND c.deleted_at IS NULL AND c.status <> $4`,
      ),
    ),
  );

  /**
   * A campaign's camps within a unit (keyed "unitId|campaignId"); null for an unknown campaign. The
   * campaign's targets apply when the unit is its owner unit or above it (every camp lies within);
   * below the owner no targets are set, so they are 0.
   */
  readonly units = new DataLoader<string, TrainingProgress | null>(async (keys) => {
    const pairs = keys.map((key) => key.split('|'));
    const valid = pairs.filter(([unitId, campaignId]) => isUuid(unitId) && isUuid(campaignId));
    const rows: ProgressRow[] = valid.length
      ? await this.dataSource.query(
          progressSql(
            `SELECT k.unit_id::text || '|' || k.campaign_id::text AS key, k.unit_id AS within, t.id AS campaign_id, t.unit_id AS owner,
                    CASE WHEN t.unit_path @> ARRAY[k.unit_id] THEN t.target_camps ELSE 0 END AS target_camps,
                    CASE WHEN t.unit_path @> ARRAY[k.unit_id] THEN t.target_trainees ELSE 0 END AS target_trainees
               FROM unnest($1::uuid[], $5::uuid[]) AS k(unit_id, campaign_id)
               JOIN training_campaign t ON t.id = k.campaign_id AND t.deleted_at IS NULL`,
            `SELECT s.key, c.id, c.status FROM scope s
               JOIN camp c ON c.campaign_id = s.campaign_id AND c.unit_path @> ARRAY[s.owner, s.within]
              WHERE c.deleted_at IS NULL AND c.status <> $4`,
          ),
          [valid.map(([unitId]) => unitId), ...SHARED, valid.map(([, campaignId]) => campaignId)],
        )
      : [];
    const byKey = new Map(rows.map((row) => [row.key, rowToProgress(row)]));
    return keys.map((key) => byKey.get(key) ?? null);
  });

  private readonly dataSource: DataSource;
  private readonly services: TrainingServices;

  constructor({ dataSource, services }: TrainingDeps) {
    this.dataSource = dataSource;
    this.services = services;
  }

  /**
   * A campaign's progress within one unit (OrgUnit.trainingProgress); null unless the caller may see
   * both the unit and the campaign (then every camp counted lies within the caller's scope).
   */
  async unit(unitId: string, campaignId: string): Promise<TrainingProgress | null> {
    requireUuids([campaignId], 'campaignId');
    const [campaign, visibleUnits] = await Promise.all([
      this.services.trainingCampaigns.get(campaignId),
      this.services.membership.visibleUnitIds([unitId]),
    ]);
    if (!campaign || !visibleUnits.has(unitId)) return null;
    return this.units.load(`${unitId.toLowerCase()}|${campaignId.toLowerCase()}`);
  }

  /** Camps and trainees of a campaign, rolled up to every live unit at `level` within its owner unit. */
  progressByCampaignUnit(campaign: TrainingCampaign, level: string): Promise<TrainingUnitProgress[]> {
    return this.byUnit(campaign.id, campaign.unitId, null, level);
  }

  /** The same for one phase's camps. */
  async progressByPhaseUnit(phase: CampaignPhase, level: string): Promise<TrainingUnitProgress[]> {
    const campaign = await this.services.trainingCampaigns.loader.load(phase.campaignId);
    return campaign ? this.byUnit(campaign.id, campaign.unitId, phase.id, level) : [];
  }

  /**
   * Every live unit at `level` within the owner unit, in membership's order (the ids come from
   * membership), with the counted camps and distinct trainees of the unit and everything below it.
   * One statement over the ancestry copies: each camp counts towards every listed unit on its path.
   */
  private async byUnit(campaignId: string, ownerUnitId: string, phaseId: string | null, level: string): Promise<TrainingUnitProgress[]> {
    if (!level.trim()) throw badUserInput({ level: 'must not be empty' });
    const unitIds = await this.services.membership.client.unitIdsAtLevel(ownerUnitId, level.trim());
    if (!unitIds.length) return [];
    const rows: { unit_id: string; planned: string; held: string; trainees: string }[] = await this.dataSource.query(
      `WITH counted AS (
              SELECT p.id AS unit_id, c.id, c.status
                FROM camp c CROSS JOIN LATERAL unnest(c.unit_path) AS p(id)
               WHERE c.campaign_id = $1 AND ($5::uuid IS NULL OR c.phase_id = $5::uuid)
                 AND c.deleted_at IS NULL AND c.status <> $4
                 AND c.unit_path && $6::uuid[] AND p.id = ANY($6::uuid[])),
            camps AS (
              SELECT unit_id, count(*) AS planned, count(*) FILTER (WHERE status = ANY($2::text[])) AS held
                FROM counted GROUP BY unit_id),
            trained AS (
              SELECT k.unit_id, count(DISTINCT e.member_id) AS trainees
                FROM counted k JOIN enrollment e ON e.camp_id = k.id
               WHERE e.deleted_at IS NULL AND e.status = ANY($3::text[])
               GROUP BY k.unit_id)
       SELECT u.id AS unit_id, coalesce(camps.planned, 0) AS planned, coalesce(camps.held, 0) AS held,
              coalesce(trained.trainees, 0) AS trainees
         FROM unnest($6::uuid[]) WITH ORDINALITY AS u(id, position)
         LEFT JOIN camps ON camps.unit_id = u.id
         LEFT JOIN trained ON trained.unit_id = u.id
        ORDER BY u.position`,
      [campaignId, ...SHARED, phaseId, unitIds],
    );
    return rows.map((row) => ({
      unitId: row.unit_id,
      unit: { id: row.unit_id },
      campsPlanned: Number(row.planned),
      campsHeld: Number(row.held),
      trainees: Number(row.trainees),
    }));
  }

  private async load(ids: readonly string[], sql: string): Promise<TrainingProgress[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    const rows: ProgressRow[] = valid.length ? await this.dataSource.query(sql, [valid, ...SHARED]) : [];
    const byKey = new Map(rows.map((row) => [row.key, rowToProgress(row)]));
    return ids.map((id) => byKey.get(id) ?? toProgress({ targetCamps: 0, campsPlanned: 0, campsHeld: 0, targetTrainees: 0, trainees: 0 }));
  }
}
