import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Two members were merged: `retiredId` now answers with `mergedInto` = `keptId`. Written in the same
 * transaction as the merge; itcell and training follow these in `seq` order to re-point their references.
 */
@ObjectType({ description: 'A merge of two members, for services that refer to members' })
@Entity('member_merge')
export class MemberMerge {
  @Field(() => Int, { description: 'Increasing; pass the last one seen as `after`' })
  @PrimaryGeneratedColumn({ type: 'bigint' })
  seq!: number;

  @Field(() => ID)
  @Column({ name: 'retired_id', type: 'uuid' })
  retiredId!: string;

  @Field(() => ID)
  @Column({ name: 'kept_id', type: 'uuid' })
  keptId!: string;

  @Field()
  @CreateDateColumn({ name: 'merged_at', type: 'timestamptz', precision: 3 })
  mergedAt!: Date;
}
