import {
  badUserInput,
  checkDateRange,
  cleanText,
  escapeLike,
  FieldErrors,
  isUuid,
  noSuchRecord,
  unitColumns,
  type UnitInfo,
  whereUnitRecord,
  type ScopeSql,
  pathWithinScope,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ItcellDeps } from '../../context';
import { ItcellRecordService } from '../../itcell-record-service';
import { OutreachDrive } from './outreach-drive.entity';
import type {
  DriveProgress,
  DriveTargetInput,
  DriveUnitProgress,
  OutreachDriveFilter,
  OutreachDriveInput,
  OutreachDriveUpdateInput,
} from './outreach-drive.types';

/** achieved / target as a percentage with one decimal; 0 when there is no target. */
export const percent = (achieved: number, target: number) => (target ? Math.round((achieved / target) * 1000) / 10 : 0);

const progress = (target: number, achieved: number): DriveProgress => ({ target, achieved, percent: percent(achieved, target) });

/**
 * Why a unit (as membership reports it now) may not carry a drive's target or report, or null when it may:
 * it must belong to the drive's organisation and lie at or below the drive's root unit.
 */
export function unitOutsideDrive(unit: UnitInfo, drive: OutreachDrive): string | null {
  if (unit.organizationId !== drive.organizationId) return 'belongs to another organisation';
  if (!unit.path.includes(drive.unitId)) return 'is not within the drive’s root unit';
  return null;
}

export class OutreachDriveService extends ItcellRecordService<OutreachDrive, OutreachDriveFilter> {
  protected readonly defaultSort = 'startsOn';

  /**
   * Target against actual for many drives in one query: the drive's live targets and live reports
   * whose unit (by the ancestry copy) lies within its root unit.
   */
  readonly progress = new DataLoader<string, DriveProgress>(async (driveIds) => {
    const rows: { id: string; target: string; achieved: string }[] = await this.dataSource.query(
      `SELECT d.id,
              (SELECT coalesce(sum(t.target), 0) FROM drive_target t
                WHERE t.drive_id = d.id AND t.deleted_at IS NULL AND t.unit_path @> ARRAY[d.unit_id]) AS target,
              (SELECT coalesce(sum(r.count), 0) FROM drive_report r
                WHERE r.drive_id = d.id AND r.deleted_at IS NULL AND r.unit_path @> ARRAY[d.unit_id]) AS achieved
         FROM outreach_drive d
        WHERE d.id = ANY($1::uuid[])`,
      [driveIds.filter(isUuid)],
    );
    const byId = new Map(rows.map((row) => [row.id, progress(Number(row.target), Number(row.achieved))]));
    return driveIds.map((id) => byId.get(id) ?? progress(0, 0));
  });

  constructor(deps: ItcellDeps) {
    super(deps, OutreachDrive, 'OutreachDrive');
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: pathWithinScope(`${alias}.unit_path`), organization: `${alias}.organization_id` };
  }

  query(filter: OutreachDriveFilter = {}): SelectQueryBuilder<OutreachDrive> {
    const query = this.createQuery('d', filter);
    whereUnitRecord(query, filter);
    if (filter.q?.trim()) query.andWhere('d.name ILIKE :q', { q: `%${escapeLike(filter.q.trim())}%` });
    if (filter.kinds?.length) query.andWhere('d.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.activeOn) query.andWhere('d.startsOn <= :activeOn AND d.endsOn >= :activeOn', { activeOn: filter.activeOn });
    return query;
  }

  async create(input: OutreachDriveInput): Promise<OutreachDrive> {
    const errors = new FieldErrors();
    const unit = await this.membership.requireUnit(errors, 'unitId', input.unitId);
    const name = cleanText(errors, 'name', input.name, true);
    checkDateRange(errors, input.startsOn, input.endsOn);
    errors.throwIfAny();
    return this.repository.save(
      this.repository.create({ ...unitColumns(unit!), kind: input.kind, name: name!, startsOn: input.startsOn, endsOn: input.endsOn }),
    );
  }

  async updateRecord(id: string, input: OutreachDriveUpdateInput, expectedVersion?: number): Promise<OutreachDrive> {
    return this.update(id, expectedVersion, async (drive, manager) => {
      const errors = new FieldErrors();
      const name = input.name !== undefined && input.name !== null ? cleanText(errors, 'name', input.name, true) : drive.name;
      const startsOn = input.startsOn ?? drive.startsOn;
      const endsOn = input.endsOn ?? drive.endsOn;
      checkDateRange(errors, startsOn, endsOn);
      const unit =
        input.unitId && input.unitId !== drive.unitId
          ? await this.membership.requireUnit(errors, 'unitId', input.unitId, drive.organizationId)
          : null;
      const reports: { first: string | null; last: string | null } = (
        await manager.query(
          `SELECT min(reported_on)::text AS first, max(reported_on)::text AS last
             FROM drive_report WHERE drive_id = $1 AND deleted_at IS NULL`,
          [drive.id],
        )
      )[0];
      if (reports.first && reports.first < startsOn) errors.add('startsOn', `a report of this drive is dated ${reports.first}`);
      if (reports.last && reports.last > endsOn) errors.add('endsOn', `a report of this drive is dated ${reports.last}`);
      if (unit) {
        const [outside]: { targets: number; reports: number }[] = await manager.query(
          `SELECT (SELECT count(*)::int FROM drive_target WHERE drive_id = $1 AND deleted_at IS NULL AND NOT unit_path @> ARRAY[$2::uuid]) AS targets,
                  (SELECT count(*)::int FROM drive_report WHERE drive_id = $1 AND deleted_at IS NULL AND NOT unit_path @> ARRAY[$2::uuid]) AS reports`,
          [drive.id, unit.id],
        );
        if (outside.targets || outside.reports) {
          errors.add('unitId', `${outside.targets} targets and ${outside.reports} reports of this drive lie outside this unit`);
        }
      }
      errors.throwIfAny();
      Object.assign(drive, { kind: input.kind ?? drive.kind, name, startsOn, endsOn }, unit ? unitColumns(unit) : {});
    });
  }

  /**
   * Replaces the drive's live targets with `rows`, all or nothing: a unit listed before and now is
   * updated in place, a new one gets a target, one no longer listed loses its target (soft delete).
   * Every unit id is looked up in membership in one batched call; each bad row is reported under
   * `targets.<index>.<field>`. The drive's version guards against concurrent edits and increases.
   */
  async setTargets(driveId: string, rows: DriveTargetInput[], expectedVersion?: number): Promise<OutreachDrive> {
    const errors = new FieldErrors();
    const firstIndex = new Map<string, number>();
    rows.forEach((row, index) => {
      if (!Number.isInteger(row.target) || row.target < 0) errors.add(`targets.${index}.target`, 'must be a whole number, zero or more');
      const first = firstIndex.get(row.unitId);
      if (first !== undefined) errors.add(`targets.${index}.unitId`, `is listed twice (also at targets.${first})`);
      else firstIndex.set(row.unitId, index);
    });
    const found = await this.membership.units.loadMany(rows.map((row) => row.unitId).filter(isUuid));
    const units = new Map<string, UnitInfo>();
    for (const unit of found) {
      if (unit instanceof Error) throw unit;
      if (unit) units.set(unit.id, unit);
    }
    return this.dataSource.transaction(async (manager) => {
      const drive = await this.lockForUpdate(manager, driveId, expectedVersion);
      rows.forEach((row, index) => {
        const unit = units.get(row.unitId);
        const problem = unit ? unitOutsideDrive(unit, drive) : noSuchRecord('OrgUnit', row.unitId);
        if (problem) errors.add(`targets.${index}.unitId`, problem);
      });
      errors.throwIfAny();
      await this.writeTargets(manager, drive, rows, units);
      await manager.query(`UPDATE outreach_drive SET version = version + 1, updated_at = now() WHERE id = $1`, [drive.id]);
      return manager.findOneOrFail(OutreachDrive, { where: { id: drive.id } });
    });
  }

  /** Two statements whatever the number of rows: soft-delete the targets no longer listed, upsert the rest. */
  private async writeTargets(manager: EntityManager, drive: OutreachDrive, rows: DriveTargetInput[], units: Map<string, UnitInfo>) {
    const unitIds = rows.map((row) => row.unitId);
    await manager.query(
      `UPDATE drive_target SET deleted_at = now(), updated_at = now(), version = version + 1
        WHERE drive_id = $1 AND deleted_at IS NULL AND NOT (unit_id = ANY($2::uuid[]))`,
      [drive.id, unitIds],
    );
    if (!rows.length) return;
    // Paths travel as text ('{…}') so that one array parameter can carry a path per row.
    await manager.query(
      `INSERT INTO drive_target (drive_id, organization_id, unit_id, unit_path, unit_level, target)
       SELECT $1, $2, r.unit_id, r.unit_path::uuid[], r.unit_level, r.target
         FROM unnest($3::uuid[], $4::text[], $5::text[], $6::int[]) AS r(unit_id, unit_path, unit_level, target)
       ON CONFLICT (drive_id, unit_id) WHERE deleted_at IS NULL DO UPDATE
          SET target = EXCLUDED.target, unit_path = EXCLUDED.unit_path, unit_level = EXCLUDED.unit_level,
              version = drive_target.version + 1, updated_at = now()
        WHERE (drive_target.target, drive_target.unit_path, drive_target.unit_level)
              IS DISTINCT FROM (EXCLUDED.target, EXCLUDED.unit_path, EXCLUDED.unit_level)`,
      [
        drive.id,
        drive.organizationId,
        unitIds,
        rows.map((row) => `{${units.get(row.unitId)!.path.join(',')}}`),
        rows.map((row) => units.get(row.unitId)!.level),
        rows.map((row) => row.target),
      ],
    );
  }

  /**
   * Progress of every live unit at `level` within the drive's root unit, in membership's order. The unit
   * ids come from membership; the roll-up is one query over the ancestry copies: each target and report
   * counts towards every listed unit on its path (so a booth's report counts for its district and region).
   */
  async progressByUnit(drive: OutreachDrive, level: string): Promise<DriveUnitProgress[]> {
    if (!level.trim()) throw badUserInput({ level: 'must not be empty' });
    const unitIds = await this.membership.client.unitIdsAtLevel(drive.unitId, level.trim());
    if (!unitIds.length) return [];
    const rows: { unit_id: string; target: string; achieved: string }[] = await this.dataSource.query(
      `WITH targets AS (
              SELECT p.id, sum(t.target) AS total
                FROM drive_target t CROSS JOIN LATERAL unnest(t.unit_path) AS p(id)
               WHERE t.drive_id = $1 AND t.deleted_at IS NULL AND p.id = ANY($2::uuid[])
               GROUP BY p.id),
            reports AS (
              SELECT p.id, sum(r.count) AS total
                FROM drive_report r CROSS JOIN LATERAL unnest(r.unit_path) AS p(id)
               WHERE r.drive_id = $1 AND r.deleted_at IS NULL AND p.id = ANY($2::uuid[])
               GROUP BY p.id)
       SELECT u.id AS unit_id, coalesce(targets.total, 0) AS target, coalesce(reports.total, 0) AS achieved
         FROM unnest($2::uuid[]) WITH ORDINALITY AS u(id, position)
         LEFT JOIN targets ON targets.id = u.id
         LEFT JOIN reports ON reports.id = u.id
        ORDER BY u.position`,
      [drive.id, unitIds],
    );
    return rows.map((row) => ({
      unitId: row.unit_id,
      unit: { id: row.unit_id },
      ...progress(Number(row.target), Number(row.achieved)),
    }));
  }
}
