import type { DataSource, QueryRunner } from 'typeorm';
import type { Logger } from './logger';
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
 * Keeps local copies of unit ancestry current by following membership's `unitChanges` feed: a moved
 * unit rewrites the path prefix of every record at or below it, a level change updates that unit's
 * records. The cursor advances in the same transaction as the rewrite, so a change is applied once and
 * never lost, even if this service was down when it happened.
 */
export class UnitCopyFollower {
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;

  constructor(
    private readonly dataSource: DataSource,
    private readonly client: MembershipClient,
    private readonly tables: UnitCopyTable[],
    private readonly logger?: Logger,
  ) {}

  /** Applies every pending change; returns how many. Concurrent calls share one run. */
  syncOnce(): Promise<number> {
    this.running ??= this.applyPending().finally(() => (this.running = undefined));
    return this.running;
  }

  private async applyPending(): Promise<number> {
    let applied = 0;
    for (;;) {
      const [{ last_seq: lastSeq }]: { last_seq: string }[] = await this.dataSource.query(
        'SELECT last_seq FROM unit_change_cursor WHERE id = 1',
      );
      const changes = await this.client.unitChanges(Number(lastSeq), PAGE);
      if (!changes.length) return applied;
      await this.dataSource.transaction(async (manager) => {
        for (const change of changes) await this.apply((sql, parameters) => manager.query(sql, parameters), change);
        await manager.query('UPDATE unit_change_cursor SET last_seq = $1 WHERE id = 1', [changes[changes.length - 1].seq]);
      });
      applied += changes.length;
      if (changes.length < PAGE) return applied;
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
      this.syncOnce()
        .then((count) => count && this.logger?.info({ applied: count }, 'unit changes applied'))
        .catch((error: unknown) => this.logger?.warn({ err: error }, 'could not follow unit changes; will retry'))
        .finally(() => {
          if (this.timer) this.timer = setTimeout(tick, intervalMs);
        });
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }
}
