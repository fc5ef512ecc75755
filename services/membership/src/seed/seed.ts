import { insertInChunks } from '@sangathan/common';
import { runAsSystem } from '@sangathan/common';
import type { DataSource, EntityManager } from 'typeorm';
import { Assignment } from '../modules/assignment/assignment.entity';
import { FieldVisit } from '../modules/field-visit/field-visit.entity';
import { Member } from '../modules/member/member.entity';
import { OrgUnit } from '../modules/org-unit/org-unit.entity';
import { Organization } from '../modules/organization/organization.entity';
import { Position } from '../modules/position/position.entity';
import { PHU_THO_UNION_ID, UP_PARTY_ID } from './ids';
import { buildPhuThoUnion } from './phu-tho';
import type { OrganizationSeed } from './rows';
import { buildUpParty } from './up-party';

export { memberSeedId, PHU_THO_UNION_ID, seedId, unitSeedId, UP_PARTY_ID, type SeedKind } from './ids';

/** Row counts of the demo organisations' live records after the run. */
export interface SeedSummary {
  organizations: number;
  units: number;
  members: number;
  positions: number;
  assignments: number;
  fieldVisits: number;
  /** True when both demo organisations were already there and nothing was written. */
  alreadySeeded: boolean;
}

const DEMO_ORGANIZATIONS: { id: string; build: () => OrganizationSeed }[] = [
  { id: UP_PARTY_ID, build: buildUpParty },
  { id: PHU_THO_UNION_ID, build: buildPhuThoUnion },
];

/** pg_advisory_xact_lock key, so that two seed runs at once wait for each other instead of clashing on ids. */
const SEED_LOCK = 76_340_001;

const formatCount = (count: number) => count.toLocaleString('en-US');

async function countDemoRecords(manager: EntityManager): Promise<Omit<SeedSummary, 'alreadySeeded'>> {
  const [row]: Record<string, number>[] = await manager.query(
    `SELECT (SELECT count(*)::int FROM organization WHERE id = ANY($1) AND deleted_at IS NULL) AS organizations,
            (SELECT count(*)::int FROM org_unit WHERE organization_id = ANY($1) AND deleted_at IS NULL) AS units,
            (SELECT count(*)::int FROM member WHERE organization_id = ANY($1) AND deleted_at IS NULL) AS members,
            (SELECT count(*)::int FROM "position" p JOIN member m ON m.id = p.member_id
              WHERE m.organization_id = ANY($1) AND p.deleted_at IS NULL) AS positions,
            (SELECT count(*)::int FROM assignment a JOIN member m ON m.id = a.cadre_id
              WHERE m.organization_id = ANY($1) AND a.deleted_at IS NULL) AS assignments,
            (SELECT count(*)::int FROM field_visit v JOIN member m ON m.id = v.cadre_id
              WHERE m.organization_id = ANY($1) AND v.deleted_at IS NULL) AS "fieldVisits"`,
    [DEMO_ORGANIZATIONS.map((organization) => organization.id)],
  );
  return {
    organizations: row.organizations,
    units: row.units,
    members: row.members,
    positions: row.positions,
    assignments: row.assignments,
    fieldVisits: row.fieldVisits,
  };
}

/**
 * Writes the demo organisations (a Uttar Pradesh party, cases 1 and 2; the Phú Thọ youth union,
 * case 3) with their units, members, positions, assignments and field visits, in one transaction.
 *
 * Idempotent: an organisation whose id is already in the database (even soft-deleted) is skipped
 * whole, so a second run writes nothing. The summary always counts what the demo organisations have
 * in the database afterwards; `alreadySeeded` tells whether this run wrote anything.
 * Deterministic: same ids and same data on every run (seeded PRNG, name-based UUIDs).
 */
export async function seedMembership(dataSource: DataSource, options: { log?: (message: string) => void } = {}): Promise<SeedSummary> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  // Audited as the system's seed job.
  return runAsSystem('seed', () =>
    dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
      const present: { id: string }[] = await manager.query('SELECT id FROM organization WHERE id = ANY($1)', [
        DEMO_ORGANIZATIONS.map((o) => o.id),
      ]);
      const missing = DEMO_ORGANIZATIONS.filter((organization) => !present.some((row) => row.id === organization.id));
      for (const { build } of missing) {
        const seed = build();
        const name = seed.organization.shortName;
        await insertInChunks(manager, Organization, [seed.organization]);
        await insertInChunks(manager, OrgUnit, seed.units);
        log(`seed: ${name} units ${formatCount(seed.units.length)}`);
        await insertInChunks(manager, Member, seed.members);
        log(`seed: ${name} members ${formatCount(seed.members.length)}`);
        await insertInChunks(manager, Position, seed.positions);
        await insertInChunks(manager, Assignment, seed.assignments);
        await insertInChunks(manager, FieldVisit, seed.fieldVisits);
        log(
          `seed: ${name} positions ${formatCount(seed.positions.length)}, assignments ${formatCount(seed.assignments.length)}, ` +
            `field visits ${formatCount(seed.fieldVisits.length)}`,
        );
      }
      const summary = { ...(await countDemoRecords(manager)), alreadySeeded: missing.length === 0 };
      log(
        missing.length
          ? `seed: done in ${((Date.now() - started) / 1000).toFixed(1)} s`
          : 'seed: demo organisations already present, nothing written',
      );
      return summary;
    }),
  );
}

/**
 * The demo organisations as built in memory (deterministic: the same ids every run). Other services'
 * seeds use them to place their records on the same units and people without reading this database.
 */
export function buildDemoOrganizations(): { upParty: OrganizationSeed; phuThoUnion: OrganizationSeed } {
  return { upParty: buildUpParty(), phuThoUnion: buildPhuThoUnion() };
}
export { DATA_AS_OF, type OrganizationSeed } from './rows';
