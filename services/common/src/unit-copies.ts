import type { DataSource, QueryRunner } from 'typeorm';
import { ADVISORY_LOCKS } from './advisory-locks';
import { createFeedCursor, FeedFollower, type SqlQuery } from './feed-follower';
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
export function createUnitChangeCursor(db: QueryRunner): Promise<void> {
  return createFeedCursor(db, 'unit_change_cursor');
}

const PAGE = 500;

/**
 * Keeps local copies of unit ancestry current by following membership's `unitChanges` feed (see
 * FeedFollower: exactly once, one replica at a time, lock `ADVISORY_LOCKS.unitCopies`): a moved unit
 * rewrites the path prefix of every record at or below it, a level change updates that unit's records.
 */
export class UnitCopyFollower extends FeedFollower<UnitChangeInfo> {
  constructor(dataSource: DataSource, client: MembershipClient, tables: UnitCopyTable[], logger?: Logger) {
    super(
      dataSource,
      {
        job: 'unit-copies',
        noun: 'unit changes',
        lock: ADVISORY_LOCKS.unitCopies,
        cursorTable: 'unit_change_cursor',
        pageSize: PAGE,
        fetch: (after, limit) => client.unitChanges(after, limit),
        apply: async (query, changes) => {
          for (const change of changes) await applyUnitChange(query, tables, change);
        },
      },
      logger,
    );
  }
}

async function applyUnitChange(query: SqlQuery, tables: UnitCopyTable[], change: UnitChangeInfo): Promise<void> {
  for (const { table, unitColumn, pathColumn, levelColumn } of tables) {
    await query(
      `UPDATE ${table} SET ${pathColumn} = $1::uuid[] || ${pathColumn}[array_position(${pathColumn}, $2::uuid) + 1 :]
        WHERE ${pathColumn} @> ARRAY[$2::uuid]`,
      [change.path, change.unitId],
    );
    if (levelColumn) await query(`UPDATE ${table} SET ${levelColumn} = $1 WHERE ${unitColumn} = $2`, [change.level, change.unitId]);
  }
}
