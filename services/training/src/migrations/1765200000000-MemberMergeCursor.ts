import { createMemberMergeCursor } from '@sangathan/common';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Where the member-merge follower remembers the last merge of membership's feed it applied. */
export class MemberMergeCursor1765200000000 implements MigrationInterface {
  name = 'MemberMergeCursor1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await createMemberMergeCursor(db);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE member_merge_cursor`);
  }
}
