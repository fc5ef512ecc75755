import type { DataSource, QueryRunner } from 'typeorm';
import { ADVISORY_LOCKS } from './advisory-locks';
import { failureLogFields } from './errors';
import type { Logger } from './logger';
import { runAsSystem } from './request-context';
import type { MembershipClient, UnitChangeInfo } from './membership-client';

/** A table that keeps a copy of its records' unit ancestry (and optionally the unit's level). */
export interface UnitCopyTable {
  table: string;
  unitColumn: string;
  /** Root-first ids of the unit's ancestors and the unit itself. */
  pathColumn: string;
  levelColumn?: string;
}

/** For a service's migration: where the follower remembers the last change it applied. */
export async function createUnitChangeCursor(db: QueryRunner): Promise<void> {
  await db.query(`CREATE TABLE unit_change_cursor (
    id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    last_seq bigint NOT NULL DEFAULT 0)`);
  await db.query(`INSERT INTO unit_change_cursor (id, last_seq) VALUES (1, 0)`);
}

const PAGE = 500;

/**
 * For the sync's transaction only. A replica that dies mid-sync must not keep the lock: its killed
 * process's connection is noticed within a second even while a statement waits (the connection check),
 * and a replica whose host vanished while waiting for membership (whose client gives up after 10 s) is
 * ended after 30 s idle in the transaction, instead of when the server notices the dead connection,
 * which can take hours.
 */
export const SYNC_SETTINGS = `SELECT set_config('client_connection_check_interval', '1s', true),
  set_config('idle_in_transaction_session_timeout', '30s', true)`;

/**
 * Keeps local copies of unit ancestry current by following membership's `unitChanges` feed: a moved
 * unit rewrites the path prefix of every record at or below it, a level change updates that unit's
 * records. The cursor advances in the same transaction as the rewrite, so a change is applied once and
 * never lost, even if this service was down when it happened.
 *
 * Replicas share the database: each page is read, fetched, applied and the cursor advanced in one
 * transaction holding the advisory lock `ADVISORY_LOCKS.unitCopies`, so only one replica applies at a
 * time and always from the cursor the last one committed. A transaction-level lock rather than a
 * session-level one: it lives exactly as long as the writes it guards, on the same connection, so a
 * replica can never write after losing it; a killed replica's transaction is rolled back and its lock
 * released with it, and the next replica to poll takes over.
 */
export class UnitCopyFollower {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: MembershipClient,
    private readonly tables: UnitCopyTable[],
    private readonly logger?: Logger,
  ) {}

  /**
   * Applies every pending change, waiting while another replica is applying; returns how many this
   * process applied. Runs in this process follow one another.
   */
  syncOnce(): Promise<number> {
    return this.queue(() => runAsSystem('unit-copies', () => this.applyPending(true))) as Promise<number>;
  }

  /** One poll: like syncOnce, but null at once when another replica holds the lock. */
  private poll(): Promise<number | null> {
    return this.queue(() => runAsSystem('unit-copies', () => this.applyPending(false)));
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
        await manager.query(SYNC_SETTINGS);
        if (wait) await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.unitCopies]);
        else {
          const [{ locked }]: { locked: boolean }[] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [
            ADVISORY_LOCKS.unitCopies,
          ]);
          if (!locked) return null;
        }
        const [{ last_seq: lastSeq }]: { last_seq: string }[] = await manager.query('SELECT last_seq FROM unit_change_cursor WHERE id = 1');
        const changes = await this.client.unitChanges(Number(lastSeq), PAGE);
        for (const change of changes) await this.apply((sql, parameters) => manager.query(sql, parameters), change);
        if (changes.length) {
          await manager.query('UPDATE unit_change_cursor SET last_seq = $1 WHERE id = 1', [changes[changes.length - 1].seq]);
        }
        return changes.length;
      });
      if (count === null) return applied || null;
      applied += count;
      if (count < PAGE) return applied;
    }
  }

  private async apply(query: (sql: string, parameters: unknown[]) => Promise<unknown>, change: UnitChangeInfo): Promise<void> {
    for (const { table, unitColumn, pathColumn, levelColumn } of this.tables) {
      await query(
        `UPDATE ${table} SET ${pathColumn} = $1::uuid[] || ${pathColumn}[array_position(${pathColumn}, $2::uuid) + 1 :]
          WHERE ${pathColumn} @> ARRAY[$2::uuid]`,
        [change.path, change.unitId],
      );
      if (levelColumn) await query(`UPDATE ${table} SET ${levelColumn} = $1 WHERE ${unitColumn} = $2`, [change.level, change.unitId]);
    }
  }

  /** Follows the feed every `intervalMs`; failures (membership down) are logged and retried next time. */
  start(intervalMs: number): void {
    const tick = () => {
      this.poll()
        .then((count) => {
          if (count === null) this.logger?.debug('another replica is applying unit changes');
          else if (count === 0) this.logger?.debug('no unit changes pending');
          else this.logger?.info({ applied: count }, 'unit changes applied');
        })
        .catch((error: unknown) => this.logger?.warn(failureLogFields(error), 'could not follow unit changes; will retry'))
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
