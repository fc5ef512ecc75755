import { Client } from 'pg';
import type { DataSource, Migration } from 'typeorm';

/**
 * PostgreSQL advisory lock keys, so that several replicas of a service can share its database. An
 * advisory lock belongs to one database, so each service's database has its own set. (The demo seeds
 * use 76_340_001 to 76_340_003.)
 */
export const ADVISORY_LOCKS = {
  /** Session-level, on a connection of its own, while a process runs its database's migrations. */
  migrations: 76_340_010,
  /** Transaction-level, in itcell and training: held by the replica applying a page of membership's unit changes. */
  unitCopies: 76_340_011,
  /** Transaction-level, in membership: held by every move or level change of a unit, so they run one at a time. */
  unitTree: 76_340_012,
  /** Session-level, on the server's `postgres` database, while a process checks for and creates its database. */
  createDatabase: 76_340_013,
  /** Transaction-level, in itcell and training: held by the replica applying a page of membership's member merges. */
  memberMerges: 76_340_014,
  /** Transaction-level, in membership: held by every merge of two members, so the merge feed's order is its commit order. */
  memberMergeFeed: 76_340_015,
} as const;

/**
 * Runs `run` while holding a session-level advisory lock on a connection of its own to `url`: another
 * process asking for the same key waits. Closing that connection releases the lock, also when `run`
 * fails; a killed process's connection closes and releases it too.
 */
export async function withSessionLock<T>(url: string, key: number, run: () => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await run();
  } finally {
    await client.end();
  }
}

/**
 * The pending migrations, each in its own transaction, run by one process at a time: a replica that
 * starts at the same moment waits, then finds nothing left to do.
 */
export function runMigrationsOnce(dataSource: DataSource, url: string): Promise<Migration[]> {
  return withSessionLock(url, ADVISORY_LOCKS.migrations, () => dataSource.runMigrations({ transaction: 'each' }));
}
