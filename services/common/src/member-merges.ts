import type { DataSource, QueryRunner } from 'typeorm';
import { ADVISORY_LOCKS } from './advisory-locks';
import { setAuditAction } from './audit/audit-subscriber';
import { failureLogFields } from './errors';
import type { Logger } from './logger';
import type { MemberMergeInfo, MembershipClient } from './membership-client';
import { runAsSystem } from './request-context';
import { SYNC_SETTINGS } from './unit-copies';

/** Runs one SQL statement in the follower's transaction. */
export type SqlQuery = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * A service's rules for a merge: re-points every column of its own that names the retired member to the
 * kept one, in SQL, inside the follower's transaction (whose changes are audited as MERGE).
 */
export type MemberMergeApplier = (query: SqlQuery, merge: MemberMergeInfo) => Promise<void>;

/** For a service's migration: where the merge follower remembers the last merge it applied. */
export async function createMemberMergeCursor(db: QueryRunner): Promise<void> {
  await db.query(`CREATE TABLE member_merge_cursor (
    id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    last_seq bigint NOT NULL DEFAULT 0)`);
  await db.query(`INSERT INTO member_merge_cursor (id, last_seq) VALUES (1, 0)`);
}

const PAGE = 200;

/**
 * Follows membership's `memberMerges` feed the way UnitCopyFollower follows `unitChanges`: each page is
 * read, applied and the cursor advanced in one transaction holding the advisory lock
 * `ADVISORY_LOCKS.memberMerges`, so a merge is applied exactly once (also after downtime, also with
 * several replicas), as the system job "member-merges" with the audit action MERGE.
 */
export class MemberMergeFollower {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: MembershipClient,
    private readonly apply: MemberMergeApplier,
    private readonly logger?: Logger,
  ) {}

  /** Applies every pending merge, waiting while another replica is applying; returns how many this process applied. */
  syncOnce(): Promise<number> {
    return this.queue(() => runAsSystem('member-merges', () => this.applyPending(true))) as Promise<number>;
  }

  private poll(): Promise<number | null> {
    return this.queue(() => runAsSystem('member-merges', () => this.applyPending(false)));
  }

  private queue<T>(run: () => Promise<T>): Promise<T> {
    const next = this.running.then(run, run);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async applyPending(wait: boolean): Promise<number | null> {
    let applied = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        const query: SqlQuery = (sql, parameters) => manager.query(sql, parameters);
        await manager.query(SYNC_SETTINGS);
        if (wait) await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.memberMerges]);
        else {
          const [{ locked }]: { locked: boolean }[] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
            ADVISORY_LOCKS.memberMerges,
          ]);
          if (!locked) return null;
        }
        const [{ last_seq: lastSeq }]: { last_seq: string }[] = await manager.query(
          'SELECT last_seq FROM member_merge_cursor WHERE id = 1',
        );
        const merges = await this.client.memberMerges(Number(lastSeq), PAGE);
        if (!merges.length) return 0;
        await setAuditAction(query, 'MERGE');
        for (const merge of merges) await this.apply(query, merge);
        await manager.query('UPDATE member_merge_cursor SET last_seq = $1 WHERE id = 1', [merges[merges.length - 1].seq]);
        return merges.length;
      });
      if (count === null) return applied || null;
      applied += count;
      if (count < PAGE) return applied;
    }
  }

  /** Follows the feed every `intervalMs`; failures (membership down) are logged and retried next time. */
  start(intervalMs: number): void {
    const tick = () => {
      this.poll()
        .then((count) => {
          if (count) this.logger?.info({ applied: count }, 'member merges applied');
        })
        .catch((error: unknown) => this.logger?.warn(failureLogFields(error), 'could not follow member merges; will retry'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
