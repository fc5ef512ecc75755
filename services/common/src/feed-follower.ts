import type { DataSource, QueryRunner } from 'typeorm';
import { failureLogFields } from './errors';
import type { Logger } from './logger';
import { runAsSystem } from './request-context';

/** Runs one SQL statement in the follower's transaction. */
export type SqlQuery = (sql: string, parameters: unknown[]) => Promise<unknown>;

/**
 * For the sync's transaction only. A replica that dies mid-sync must not keep the lock: its killed
 * process's connection is noticed within a second even while a statement waits (the connection check),
 * and a replica whose host vanished while waiting for membership (whose client gives up after 10 s) is
 * ended after 30 s idle in the transaction, instead of when the server notices the dead connection,
 * which can take hours.
 */
export const SYNC_SETTINGS = `SELECT set_config('client_connection_check_interval', '1s', true),
  set_config('idle_in_transaction_session_timeout', '30s', true)`;

/** For a service's migration: the one-row table (`last_seq`) where a follower remembers the last item it applied. */
export async function createFeedCursor(db: QueryRunner, table: string): Promise<void> {
  await db.query(`CREATE TABLE ${table} (
    id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    last_seq bigint NOT NULL DEFAULT 0)`);
  await db.query(`INSERT INTO ${table} (id, last_seq) VALUES (1, 0)`);
}

/** One of membership's feeds (unit changes, member merges) as a follower reads and applies it. */
export interface Feed<C extends { seq: number }> {
  /** The system job its changes are audited as. */
  job: string;
  /** What the log calls the feed's items ("unit changes"). */
  noun: string;
  /** The advisory lock that lets one replica apply at a time. */
  lock: number;
  /** The table (one row, `last_seq`) where the last applied item is remembered. */
  cursorTable: string;
  pageSize: number;
  fetch(after: number, limit: number): Promise<C[]>;
  /** Applies one page in the follower's transaction. */
  apply(query: SqlQuery, items: C[]): Promise<void>;
}

/**
 * Follows one of membership's feeds: each page is read, fetched, applied and the cursor advanced in
 * one transaction holding the feed's advisory lock (transaction-level: it lives exactly as long as the
 * writes it guards, so a replica can never write after losing it, and a killed replica's lock goes
 * with its rolled-back transaction). So every item is applied once and never lost, even if this
 * service was down when it happened, and with several replicas only one applies at a time, always
 * from the cursor the last one committed.
 */
export class FeedFollower<C extends { seq: number }> {
  private timer?: NodeJS.Timeout;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly dataSource: DataSource,
    private readonly feed: Feed<C>,
    private readonly logger?: Logger,
  ) {}

  /**
   * Applies every pending item, waiting while another replica is applying; returns how many this
   * process applied. Runs in this process follow one another.
   */
  syncOnce(): Promise<number> {
    return this.queue(() => runAsSystem(this.feed.job, () => this.applyPending(true))) as Promise<number>;
  }

  /** One poll: like syncOnce, but null at once when another replica holds the lock. */
  private poll(): Promise<number | null> {
    return this.queue(() => runAsSystem(this.feed.job, () => this.applyPending(false)));
  }

  private queue<T>(run: () => Promise<T>): Promise<T> {
    const next = this.running.then(run, run);
    this.running = next.catch(() => undefined);
    return next;
  }

  private async applyPending(wait: boolean): Promise<number | null> {
    const { lock, cursorTable, pageSize } = this.feed;
    let applied = 0;
    for (;;) {
      const count = await this.dataSource.transaction(async (manager) => {
        await manager.query(SYNC_SETTINGS);
        if (wait) await manager.query('SELECT pg_advisory_xact_lock($1)', [lock]);
        else {
          const [{ locked }]: { locked: boolean }[] = await manager.query('SELECT pg_try_advisory_xact_lock($1) AS locked', [lock]);
          if (!locked) return null;
        }
        const [{ last_seq: lastSeq }]: { last_seq: string }[] = await manager.query(`SELECT last_seq FROM ${cursorTable} WHERE id = 1`);
        const items = await this.feed.fetch(Number(lastSeq), pageSize);
        if (!items.length) return 0;
        await this.feed.apply((sql, parameters) => manager.query(sql, parameters), items);
        await manager.query(`UPDATE ${cursorTable} SET last_seq = $1 WHERE id = 1`, [items[items.length - 1].seq]);
        return items.length;
      });
      if (count === null) return applied || null;
      applied += count;
      if (count < pageSize) return applied;
    }
  }

  /** Follows the feed every `intervalMs`; failures (membership down) are logged and retried next time. */
  start(intervalMs: number): void {
    const { noun } = this.feed;
    const tick = () => {
      this.poll()
        .then((count) => {
          if (count === null) this.logger?.debug(`another replica is applying ${noun}`);
          else if (count === 0) this.logger?.debug(`no ${noun} pending`);
          else this.logger?.info({ applied: count }, `${noun} applied`);
        })
        .catch((error: unknown) => this.logger?.warn(failureLogFields(error), `could not follow ${noun}; will retry`))
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
