import { notFound, today, type MembershipLookups } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import type { ItcellDeps, ItcellServices } from '../../context';
import { TeamRole } from '../team-member/team-member.entity';
import type { ItCoverage } from './coverage.types';

const percent = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);

/**
 * Coverage below a unit. The totals are membership's (how many units exist at a level); the covered
 * counts are one indexed query here over the teams' copies of unit ancestry and level.
 */
export class CoverageService {
  private readonly dataSource: DataSource;
  private readonly services: ItcellServices;

  constructor({ dataSource, services }: ItcellDeps) {
    this.dataSource = dataSource;
    this.services = services;
  }

  private get membership(): MembershipLookups {
    return this.services.membership;
  }

  /** Units at `level` within `unitId` whose active team has a current holder of `role`. */
  private async unitsWithRole(unitId: string, level: string, role: TeamRole): Promise<number> {
    const [row]: { count: string }[] = await this.dataSource.query(
      `SELECT count(DISTINCT t.unit_id) AS count
         FROM social_team t JOIN team_member r ON r.team_id = t.id
        WHERE t.unit_path @> ARRAY[$1]::uuid[] AND t.unit_level = $2 AND t.status = 'ACTIVE' AND t.deleted_at IS NULL
          AND r.role = $3 AND r.deleted_at IS NULL AND r.since <= $4 AND (r.until IS NULL OR r.until >= $4)`,
      [unitId, level, role, today()],
    );
    return Number(row.count);
  }

  /**
   * Everything counted lies below the unit, so a unit within the caller's scope is all it needs; any
   * other unit is NOT_FOUND (the field is non-null): a district's editor gets no figures for the state.
   */
  async coverage(unitId: string, level: string, boothLevel: string): Promise<ItCoverage> {
    if (!(await this.membership.visibleUnitIds([unitId])).has(unitId)) throw notFound('OrgUnit', unitId);
    const [units, booths, unitsWithConvenor, boothsWithCyberWarrior] = await Promise.all([
      this.membership.unitCounts.load(`${unitId}|${level}`),
      this.membership.unitCounts.load(`${unitId}|${boothLevel}`),
      this.unitsWithRole(unitId, level, TeamRole.CONVENOR),
      this.unitsWithRole(unitId, boothLevel, TeamRole.CYBER_WARRIOR),
    ]);
    return {
      level,
      units,
      unitsWithConvenor,
      unitsPercent: percent(unitsWithConvenor, units),
      boothLevel,
      booths,
      boothsWithCyberWarrior,
      boothsPercent: percent(boothsWithCyberWarrior, booths),
    };
  }
}
