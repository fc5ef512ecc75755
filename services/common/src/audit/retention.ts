import type { DataSource } from 'typeorm';
import { failureLogFields } from '../errors';
import type { Logger } from '../logger';

const BATCH = 10_000;

/**
 * Removes entries older than `retentionDays` (0: keep everything), in batches so no transaction holds
 * many locks; returns how many went. Only this job may remove entries (the guard trigger lets a
 * transaction through that says `sangathan.audit_retention`).
 */
export async function pruneAuditLog(dataSource: DataSource, retentionDays: number): Promise<number> {
  if (!retentionDays) return 0;
  let removed = 0;
  for (;;) {
    const count = await dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('sangathan.audit_retention', 'on', true)`);
      // Counted in a SELECT: TypeORM answers a bare DELETE … RETURNING with [rows, count], not the rows.
      const [{ removed }]: { removed: number }[] = await manager.query(
        `WITH gone AS (
           DELETE FROM audit_entry WHERE id IN (
             SELECT id FROM audit_entry WHERE at < now() - make_interval(days => $1) LIMIT ${BATCH}) RETURNING 1)
         SELECT count(*)::int AS removed FROM gone`,
        [retentionDays],
      );
      return removed;
    });
    removed += count;
    if (count < BATCH) return removed;
  }
}

/** Prunes at start and then every `intervalMs`; failures are logged and retried next time. */
export function startAuditRetention(dataSource: DataSource, retentionDays: number, logger: Logger, intervalMs = 6 * 3600_000) {
  if (!retentionDays) return { stop: async () => {} };
  let running: Promise<void> = Promise.resolve();
  const tick = () => {
    running = pruneAuditLog(dataSource, retentionDays).then(
      (removed) => {
        if (removed) logger.info({ removed, retentionDays }, 'old audit entries removed');
      },
      (error: unknown) => logger.warn(failureLogFields(error), 'could not remove old audit entries; will retry'),
    );
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
