import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Enrollment, EnrollmentStatus } from './enrollment.entity';

@InputType()
export class EnrollmentInput {
  @Field(() => ID, { description: 'A camp that is not cancelled and has a place left' })
  campId!: string;

  @Field(() => ID, { description: 'A member of the camp’s organisation, not yet enrolled in the camp' })
  memberId!: string;

  @Field(() => EnrollmentStatus, {
    nullable: true,
    description: 'Defaults to REGISTERED; ATTENDED, COMPLETED and NO_SHOW record a past camp',
  })
  status?: EnrollmentStatus;

  @Field(() => [ID], { nullable: true, description: 'Topics of the camp attended; only when ATTENDED or COMPLETED' })
  topicsAttended?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Required when COMPLETED (not in the future); otherwise not given' })
  completedOn?: string;
}

@InputType({ description: 'The camp and the member of an enrolment never change; cancel it and enrol again instead' })
export class EnrollmentUpdateInput {
  @Field(() => EnrollmentStatus, {
    nullable: true,
    description:
      'REGISTERED → ATTENDED, COMPLETED, NO_SHOW or CANCELLED; ATTENDED → COMPLETED, NO_SHOW or REGISTERED; COMPLETED → ATTENDED; NO_SHOW → REGISTERED, ATTENDED or COMPLETED; CANCELLED → REGISTERED (a place must be free)',
  })
  status?: EnrollmentStatus;

  @Field(() => [ID], { nullable: true, description: 'Replaces the list; cleared when the status moves away from ATTENDED/COMPLETED' })
  topicsAttended?: string[];

  @Field(() => DateScalar, { nullable: true, description: 'Only for a COMPLETED enrolment; cleared when the status moves away from it' })
  completedOn?: string | null;
}

@InputType()
export class EnrollmentFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  campId?: string;

  @Field(() => ID, { nullable: true })
  memberId?: string;

  @Field(() => [EnrollmentStatus], { nullable: true })
  statuses?: EnrollmentStatus[];

  @Field(() => ID, { nullable: true, description: 'Enrolments in camps of this campaign' })
  campaignId?: string;

  @Field(() => ID, { nullable: true, description: 'Enrolments in camps of this phase' })
  phaseId?: string;

  @Field(() => ID, { nullable: true, description: 'Enrolments in camps held at this unit or any unit below it' })
  withinUnit?: string;

  @Field(() => ID, { nullable: true, description: 'Enrolments in which this topic was attended' })
  topicAttended?: string;
}

export enum EnrollmentSortField {
  createdAt = 'createdAt',
  updatedAt = 'updatedAt',
  status = 'status',
  completedOn = 'completedOn',
}

@InputType()
export class EnrollmentSort extends SortInputType(EnrollmentSortField, 'EnrollmentSortField') {}

@ObjectType()
export class EnrollmentPage extends PageType(Enrollment) {}
