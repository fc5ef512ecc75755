import {
  badUserInput,
  createLogger,
  runAsSystem,
  FieldErrors,
  isUuid,
  notFound,
  paginate,
  RecordService,
  type PageInput,
  type ScopeSql,
  SortDirection,
} from '@sangathan/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps, MembershipServices } from '../../context';
import { normalizePhone } from '../member/member.service';
import { unitInScope, unitWithin } from '../org-unit/org-unit.service';
import { DuplicateCandidate, DuplicateStatus } from './duplicate-candidate.entity';
import { DUPLICATE_THRESHOLD, DUPLICATE_WEIGHTS, scorePair, type DuplicateFacts } from './duplicate-score';
import { DuplicateRun } from './duplicate-run.entity';
import type { DuplicateCandidateFilter, DuplicateMatch, PossibleDuplicateInput, PossibleDuplicates } from './duplicate.types';
import { nameKey } from './name-key';

/** A blocking key shared by more members than this (an office phone, "Ram Kumar" in a district) proposes no pairs. */
export const MAX_BLOCK_SIZE = 50;
/** Members are blocked by name key within their unit's ancestor this many levels from the root (a district in a party). */
export const BLOCK_DEPTH = 3;
/** Most rows one possibleDuplicates call may ask about. */
const MAX_POSSIBLE_ROWS = 500;
/** Most existing members scored per asked row. */
const MAX_CANDIDATES_PER_ROW = 50;
const WRITE_BATCH = 5000;
const logger = createLogger('membership');

interface FactRow {
  id: string;
  name_key: string;
  phone: string | null;
  date_of_birth: string | null;
  path: string[];
}

/**
 * SQL over a pair `a`, `b`: the highest score the pair could reach, with name and unit at their best and
 * phone and birth date as they are. Pairs below the threshold are dropped in SQL, before any name is
 * compared: most people sharing a name in a district have other phones and birth dates.
 */
const SCORE_BOUND_SQL = `(${(DUPLICATE_WEIGHTS.name + DUPLICATE_WEIGHTS.unit).toFixed(3)}
  + CASE WHEN a.phone IS NULL OR b.phone IS NULL THEN 0 WHEN a.phone = b.phone THEN ${DUPLICATE_WEIGHTS.samePhone} ELSE ${DUPLICATE_WEIGHTS.otherPhone} END
  + CASE WHEN a.date_of_birth IS NULL OR b.date_of_birth IS NULL THEN 0
         WHEN a.date_of_birth = b.date_of_birth THEN ${DUPLICATE_WEIGHTS.sameBirthDate} ELSE ${DUPLICATE_WEIGHTS.otherBirthDate} END)`;

/** The candidate pairs with what scoring needs of both members ($1 organisation, $2 block size, $3 depth, $4 threshold). */
const PAIRS_SQL = (scope: string) =>
  `WITH m AS MATERIALIZED (
           SELECT m.id, m.name_key, m.phone, to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, u.path,
                  u.path[least($3, cardinality(u.path))] AS area
             FROM member m JOIN org_unit u ON u.id = m.unit_id
            WHERE m.organization_id = $1 AND m.deleted_at IS NULL AND m.name_key <> '' AND ${scope}),
         keys AS (
           SELECT 'phone' AS kind, id, phone AS k, count(*) OVER (PARTITION BY phone) AS n FROM m WHERE phone IS NOT NULL
           UNION ALL
           SELECT 'name', id, name_key || '|' || area, count(*) OVER (PARTITION BY name_key, area) FROM m
           UNION ALL
           SELECT 'birth', id, date_of_birth || '|' || left(name_key, 3), count(*) OVER (PARTITION BY date_of_birth, left(name_key, 3))
             FROM m WHERE date_of_birth IS NOT NULL),
         pairs AS (
           SELECT DISTINCT a.id AS a_id, b.id AS b_id
             FROM keys a JOIN keys b ON a.kind = b.kind AND a.k = b.k AND a.id < b.id
            WHERE a.n BETWEEN 2 AND $2)
         SELECT a.id, a.name_key, a.phone, a.date_of_birth, a.path,
                b.id AS b_id, b.name_key AS b_name_key, b.phone AS b_phone, b.date_of_birth AS b_date_of_birth, b.path AS b_path
           FROM pairs p JOIN m a ON a.id = p.a_id JOIN m b ON b.id = p.b_id
          WHERE ${SCORE_BOUND_SQL} >= $4
            AND NOT EXISTS (SELECT 1 FROM duplicate_candidate d
                             WHERE d.member_a_id = p.a_id AND d.member_b_id = p.b_id AND d.status <> 'OPEN')`;

/** The run's one long read may take this long (ms), whatever the service's statement timeout. */
const RUN_STATEMENT_TIMEOUT_MS = 600_000;

const facts = (row: FactRow): DuplicateFacts => ({
  nameKey: row.name_key,
  phone: row.phone,
  dateOfBirth: row.date_of_birth,
  unitPath: row.path,
});

export class DuplicateService extends RecordService<DuplicateCandidate, DuplicateCandidateFilter> {
  protected readonly defaultSort = 'score';
  private readonly services: MembershipServices;

  constructor(deps: MembershipDeps) {
    super(deps, DuplicateCandidate, 'DuplicateCandidate');
    this.services = deps.services;
  }

  /** A pair is visible only when both members' home units lie in the caller's scope. */
  protected scopeSql(alias: string): ScopeSql {
    const inScope = (column: string) =>
      `EXISTS (SELECT 1 FROM member scope_member WHERE scope_member.id = ${alias}.${column} AND ${unitInScope('scope_member.unit_id')})`;
    return { unit: `${inScope('member_a_id')} AND ${inScope('member_b_id')}`, organization: `${alias}.organization_id` };
  }

  query(filter: DuplicateCandidateFilter = {}): SelectQueryBuilder<DuplicateCandidate> {
    if (filter.minScore !== undefined && filter.minScore !== null && !(filter.minScore >= 0 && filter.minScore <= 1)) {
      throw badUserInput({ 'filter.minScore': 'must be between 0 and 1' });
    }
    const query = this.createQuery('d', filter, ['organizationId', 'withinUnit']);
    // Pairs with a deleted member leave the queue.
    query.innerJoin('member', 'ma', 'ma.id = d.member_a_id AND ma.deleted_at IS NULL');
    query.innerJoin('member', 'mb', 'mb.id = d.member_b_id AND mb.deleted_at IS NULL');
    if (filter.organizationId) query.andWhere('d.organizationId = :organizationId', { organizationId: filter.organizationId });
    if (filter.status) query.andWhere('d.status = :status', { status: filter.status });
    if (filter.minScore !== undefined && filter.minScore !== null) query.andWhere('d.score >= :minScore', { minScore: filter.minScore });
    if (filter.withinUnit) {
      query.andWhere(`${unitWithin('ma.unit_id', 'withinUnit')} AND ${unitWithin('mb.unit_id', 'withinUnit')}`, {
        withinUnit: filter.withinUnit,
      });
    }
    return query;
  }

  /** The queue, best score first. */
  listQueue(filter: DuplicateCandidateFilter, page?: PageInput) {
    return paginate(this.query(filter), [{ property: 'score', direction: SortDirection.DESC }], page);
  }

  /** "Not the same person": remembered, so later runs never propose the pair again. */
  async markNotDuplicate(id: string, expectedVersion?: number): Promise<DuplicateCandidate> {
    if (!isUuid(id)) throw notFound(this.typeName, id);
    return this.update(id, expectedVersion, (candidate) => {
      if (candidate.status === DuplicateStatus.MERGED) throw badUserInput({ id: 'the two were already merged' });
      candidate.status = DuplicateStatus.NOT_SAME;
    });
  }

  /** SQL over a member `m` joined to its unit `u`: within the caller's scope ($n parameters appended to `params`). */
  private memberScope(params: unknown[]): string {
    const parts: string[] = [];
    if (this.scope.unitId) {
      params.push(this.scope.unitId);
      parts.push(`u.path @> ARRAY[$${params.length}]::uuid[]`);
    }
    if (this.scope.organizationId) {
      params.push(this.scope.organizationId);
      parts.push(`m.organization_id = $${params.length}`);
    }
    return parts.length ? parts.join(' AND ') : 'TRUE';
  }

  /** The run's progress, when the caller's scope holds the scope it was started in. */
  async getRun(id: string): Promise<DuplicateRun | null> {
    if (!isUuid(id)) return null;
    const run = await this.dataSource.manager.findOne(DuplicateRun, { where: { id } });
    if (!run || !this.scope.identity) return null;
    if (this.scope.organizationId && this.scope.organizationId !== run.organizationId) return null;
    if (!this.scope.unitId) return run;
    if (!run.scopeUnitId) return null;
    const [unit] = await this.dataSource.query(`SELECT 1 FROM org_unit WHERE id = $1 AND path @> ARRAY[$2]::uuid[]`, [
      run.scopeUnitId,
      this.scope.unitId,
    ]);
    return unit ? run : null;
  }

  /** The work of the run started last by this service object (tests and the timing script wait for it). */
  running: Promise<void> = Promise.resolve();

  /**
   * Starts a run over the organisation's members within the caller's scope and returns it at once; the
   * work goes on in the background as a system job (see runPairs). One run per organisation at a time:
   * asking again while one runs returns that one. A run left RUNNING for an hour (the process stopped)
   * counts as FAILED.
   */
  async findDuplicates(organizationId: string): Promise<DuplicateRun> {
    const organization = await this.services.organizations.requireReference(organizationId, 'organizationId');
    const scopeUnitId = this.scope.unitId;
    await this.dataSource.query(
      `UPDATE duplicate_run SET status = 'FAILED', error = 'interrupted', finished_at = now()
        WHERE organization_id = $1 AND status = 'RUNNING' AND started_at < now() - interval '1 hour'`,
      [organization.id],
    );
    const [inserted]: { id: string }[] = await this.dataSource.query(
      `INSERT INTO duplicate_run (organization_id, scope_unit_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING id`,
      [organization.id, scopeUnitId],
    );
    if (!inserted) {
      const [running] = await this.dataSource.query(`SELECT id FROM duplicate_run WHERE organization_id = $1 AND status = 'RUNNING'`, [
        organization.id,
      ]);
      const visible = running && (await this.getRun(running.id));
      if (visible) return visible;
      throw badUserInput({ organizationId: 'a duplicate run is already under way in this organisation; try again when it ends' });
    }
    const run = await this.dataSource.manager.findOneOrFail(DuplicateRun, { where: { id: inserted.id } });
    this.running = runAsSystem('find-duplicates', () => this.runPairs(run)).catch(async (error: unknown) => {
      logger.error({ err: error, runId: run.id }, 'duplicate run failed');
      await this.dataSource
        .query(`UPDATE duplicate_run SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [
          run.id,
          'the run stopped on an error; see the service log',
        ])
        .catch(() => undefined);
    });
    return run;
  }

  /**
   * Finds likely duplicates and puts them in the queue. Blocking: only members sharing a phone, a name
   * key within one area (BLOCK_DEPTH), or a birth date and the first letters of the name key are
   * compared, never all pairs. Pairs decided before (NOT_SAME, MERGED) keep their decision; OPEN ones
   * get their new score.
   */
  private async runPairs(run: DuplicateRun): Promise<void> {
    const params: unknown[] = [run.organizationId, MAX_BLOCK_SIZE, BLOCK_DEPTH, DUPLICATE_THRESHOLD];
    const scope = this.memberScope(params);
    const rows: (FactRow & {
      b_id: string;
      b_name_key: string;
      b_phone: string | null;
      b_date_of_birth: string | null;
      b_path: string[];
    })[] = await this.dataSource.transaction(async (manager) => {
      // One statement over the whole organisation may take longer than a request's statement timeout.
      await manager.query(`SET LOCAL statement_timeout = ${RUN_STATEMENT_TIMEOUT_MS}`);
      return manager.query(PAIRS_SQL(scope), params);
    });
    const proposed = rows
      .map((row) => ({
        a: row.id,
        b: row.b_id,
        ...scorePair(
          facts(row),
          facts({ id: row.b_id, name_key: row.b_name_key, phone: row.b_phone, date_of_birth: row.b_date_of_birth, path: row.b_path }),
        ),
      }))
      .filter((pair) => pair.score >= DUPLICATE_THRESHOLD);
    await this.dataSource.query(`UPDATE duplicate_run SET pairs_compared = $2, pairs_proposed = $3 WHERE id = $1`, [
      run.id,
      rows.length,
      proposed.length,
    ]);
    for (let start = 0; start < proposed.length; start += WRITE_BATCH) {
      const batch = proposed.slice(start, start + WRITE_BATCH);
      await this.dataSource.transaction(async (manager) => {
        const written: { inserted: boolean }[] = await manager.query(
          `INSERT INTO duplicate_candidate (organization_id, member_a_id, member_b_id, score, reasons, found_at)
           SELECT $1, p.a, p.b, p.score, string_to_array(p.reasons, ','), now()
             FROM unnest($2::uuid[], $3::uuid[], $4::real[], $5::text[]) AS p(a, b, score, reasons)
           ON CONFLICT (member_a_id, member_b_id) DO UPDATE
             SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, found_at = EXCLUDED.found_at,
                 version = duplicate_candidate.version + 1, updated_at = now()
             WHERE duplicate_candidate.status = 'OPEN'
           RETURNING (xmax = 0) AS inserted`,
          [
            run.organizationId,
            batch.map((pair) => pair.a),
            batch.map((pair) => pair.b),
            batch.map((pair) => pair.score),
            batch.map((pair) => pair.reasons.join(',')),
          ],
        );
        await manager.query(`UPDATE duplicate_run SET pairs_written = pairs_written + $2, new_pairs = new_pairs + $3 WHERE id = $1`, [
          run.id,
          batch.length,
          written.filter((row) => row.inserted).length,
        ]);
      });
    }
    await this.dataSource.query(`UPDATE duplicate_run SET status = 'DONE', finished_at = now() WHERE id = $1`, [run.id]);
  }

  /**
   * For would-be members (import rows): the existing members of their organisation, within the
   * caller's scope, that score at least `minScore`, best first. One SQL query for all rows.
   */
  async possibleDuplicates(rows: PossibleDuplicateInput[], minScore = DUPLICATE_THRESHOLD, limit = 3): Promise<PossibleDuplicates[]> {
    const errors = new FieldErrors();
    if (rows.length > MAX_POSSIBLE_ROWS) errors.add('rows', `at most ${MAX_POSSIBLE_ROWS} rows at a time`);
    if (!(minScore >= 0 && minScore <= 1)) errors.add('minScore', 'must be between 0 and 1');
    if (!(Number.isInteger(limit) && limit >= 1 && limit <= 20)) errors.add('limit', 'must be between 1 and 20');
    errors.throwIfAny();
    const asked: { org: string; key: string; phone: string | null; birth: string | null; path: string[] }[] = [];
    for (const [index, row] of rows.entries()) {
      const field = (name: string) => `rows.${index}.${name}`;
      const organization = await this.services.organizations.findReference(errors, field('organizationId'), row.organizationId);
      const key = nameKey(row.fullName ?? '');
      if (!key) errors.add(field('fullName'), 'must contain letters');
      let phone: string | null = null;
      if (row.phone?.trim() && organization) {
        phone = normalizePhone(row.phone.trim(), organization.country) ?? null;
        if (!phone) errors.add(field('phone'), `"${row.phone}" is not a valid phone number for ${organization.country}`);
      }
      let path: string[] = [];
      if (row.unitId) {
        const unit = await this.services.orgUnits.findReference(errors, field('unitId'), row.unitId);
        if (unit && organization && unit.organizationId !== organization.id) errors.add(field('unitId'), 'belongs to another organisation');
        path = unit?.path ?? [];
      }
      asked.push({ org: row.organizationId, key, phone, birth: row.dateOfBirth || null, path });
    }
    errors.throwIfAny();
    if (!rows.length) return [];

    const params: unknown[] = [
      asked.map((_, index) => index),
      asked.map((row) => row.org),
      asked.map((row) => row.key),
      asked.map((row) => row.phone),
      asked.map((row) => row.birth),
    ];
    const scope = this.memberScope(params);
    const found: (FactRow & { i: number })[] = await this.dataSource.query(
      `SELECT r.i, c.* FROM unnest($1::int[], $2::uuid[], $3::text[], $4::text[], $5::date[]) AS r(i, org, key, phone, birth)
       CROSS JOIN LATERAL (
         SELECT m.id, m.name_key, m.phone, to_char(m.date_of_birth, 'YYYY-MM-DD') AS date_of_birth, u.path
           FROM member m JOIN org_unit u ON u.id = m.unit_id
          WHERE m.organization_id = r.org AND m.deleted_at IS NULL AND ${scope}
            AND (m.name_key = r.key OR m.phone = r.phone OR (m.date_of_birth = r.birth AND left(m.name_key, 3) = left(r.key, 3)))
          LIMIT ${MAX_CANDIDATES_PER_ROW}) c`,
      params,
    );
    const results: PossibleDuplicates[] = asked.map((_, index) => ({ index, matches: [] }));
    const scored: { index: number; id: string; score: number; reasons: string[] }[] = [];
    for (const row of found) {
      const own = asked[row.i];
      const score = scorePair({ nameKey: own.key, phone: own.phone, dateOfBirth: own.birth, unitPath: own.path }, facts(row));
      if (score.score >= minScore) scored.push({ index: row.i, id: row.id, ...score });
    }
    const members = await this.services.members.loader.loadMany(scored.map((match) => match.id));
    scored.forEach((match, position) => {
      const member = members[position];
      if (member && !(member instanceof Error))
        results[match.index].matches.push({ member, score: match.score, reasons: match.reasons } as DuplicateMatch);
    });
    for (const result of results) result.matches = result.matches.sort((a, b) => b.score - a.score).slice(0, limit);
    return results;
  }
}
