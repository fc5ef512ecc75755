import { BaseRecord } from '@sangathan/common';
import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum DuplicateStatus {
  /** Waiting for a decision. */
  OPEN = 'OPEN',
  /** The two were merged into one member. */
  MERGED = 'MERGED',
  /** Someone decided they are two people: the pair is never proposed again. */
  NOT_SAME = 'NOT_SAME',
}
registerEnumType(DuplicateStatus, { name: 'DuplicateStatus' });

@ObjectType({ description: 'Two members who may be the same person, as found by findDuplicates' })
@Entity('duplicate_candidate')
export class DuplicateCandidate extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field(() => ID, { description: 'The pair is stored in id order: memberAId < memberBId' })
  @Column({ name: 'member_a_id', type: 'uuid' })
  memberAId!: string;

  @Field(() => ID)
  @Column({ name: 'member_b_id', type: 'uuid' })
  memberBId!: string;

  @Field(() => Float, { description: '0–1; see README "Finding duplicates" for the weights' })
  @Column({ type: 'real' })
  score!: number;

  @Field(() => [String], { description: 'Why the two look alike (or not): SAME_NAME_KEY, SAME_PHONE, SAME_UNIT…' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  reasons!: string[];

  @Field(() => DuplicateStatus)
  @Column({ type: 'text', default: DuplicateStatus.OPEN })
  status!: DuplicateStatus;

  @Field({ description: 'When a run last found the pair' })
  @Column({ name: 'found_at', type: 'timestamptz', precision: 3 })
  foundAt!: Date;
}
