import type { DataSource, QueryRunner } from 'typeorm';
import { ADVISORY_LOCKS } from './advisory-locks';
import { setAuditAction } from './audit/audit-subscriber';
import { createFeedCursor, FeedFollower, type SqlQuery } from './feed-follower';
import type { Logger } from './logger';
import type { MemberMergeInfo, MembershipClient } from './membership-client';

/**
 * A service's rules for a merge: re-points every column of its own that names the retired member to the
 * kept one, in SQL, inside the follower's transaction (whose changes are audited as MERGE).
 */
export type MemberMergeApplier = (query: SqlQuery, merge: MemberMergeInfo) => Promise<void>;

/** For a service's migration: where the merge follower remembers the last merge it applied. */
export function createMemberMergeCursor(db: QueryRunner): Promise<void> {
  return createFeedCursor(db, 'member_merge_cursor');
}

const PAGE = 200;

/**
 * Follows membership's `memberMerges` feed the way UnitCopyFollower follows `unitChanges` (see
 * FeedFollower: exactly once, one replica at a time, lock `ADVISORY_LOCKS.memberMerges`), as the
 * system job "member-merges" with the audit action MERGE.
 */
export class MemberMergeFollower extends FeedFollower<MemberMergeInfo> {
  constructor(dataSource: DataSource, client: MembershipClient, apply: MemberMergeApplier, logger?: Logger) {
    super(
      dataSource,
      {
        job: 'member-merges',
        noun: 'member merges',
        lock: ADVISORY_LOCKS.memberMerges,
        cursorTable: 'member_merge_cursor',
        pageSize: PAGE,
        fetch: (after, limit) => client.memberMerges(after, limit),
        apply: async (query, merges) => {
          await setAuditAction(query, 'MERGE');
          for (const merge of merges) await apply(query, merge);
        },
      },
      logger,
    );
  }
}
