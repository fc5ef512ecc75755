import { Field, ID, Int, ObjectType } from 'type-graphql';
import { CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn, VersionColumn } from 'typeorm';

/**
 * Columns every record has: UUID id, optimistic-lock version, timestamps, soft-delete marker.
 * Timestamps keep millisecond precision so they survive a round trip through a JS Date (keyset cursors).
 */
@ObjectType()
export abstract class BaseRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => Int, { description: 'Increases on every change; send it back as expectedVersion' })
  @VersionColumn({ default: 1 })
  version!: number;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Set when soft-deleted; restore clears it' })
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz', precision: 3 })
  deletedAt?: Date | null;
}
