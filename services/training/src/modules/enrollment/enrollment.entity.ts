import { BaseRecord, DateScalar } from '@sangathan/common';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum EnrollmentStatus {
  REGISTERED = 'REGISTERED',
  ATTENDED = 'ATTENDED',
  COMPLETED = 'COMPLETED',
  NO_SHOW = 'NO_SHOW',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EnrollmentStatus, { name: 'EnrollmentStatus' });

/** Statuses that count a member as trained in progress figures. */
export const TRAINED_STATUSES = [EnrollmentStatus.ATTENDED, EnrollmentStatus.COMPLETED];

@ObjectType({ description: 'A member enrolled in a camp' })
@Entity('enrollment')
export class Enrollment extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'camp_id', type: 'uuid' })
  campId!: string;

  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Field(() => EnrollmentStatus)
  @Column({ type: 'text', default: EnrollmentStatus.REGISTERED })
  status!: EnrollmentStatus;

  @Field(() => [ID], { description: 'Topics of the camp the member attended' })
  @Column({ name: 'topics_attended', type: 'uuid', array: true, default: () => "'{}'" })
  topicsAttended!: string[];

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'completed_on', type: 'date', nullable: true })
  completedOn!: string | null;
}
