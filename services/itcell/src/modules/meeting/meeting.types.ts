import { IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { MemberRef } from '../federation/references';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Meeting, MeetingKind } from './meeting.entity';

@InputType()
export class MeetingSessionInput {
  @Field()
  title!: string;

  @Field(() => [ID], { nullable: true, description: 'Members of the meeting’s organisation, in speaking order' })
  speakerIds?: string[];
}

@InputType()
export class MeetingInput {
  @Field(() => MeetingKind)
  kind!: MeetingKind;

  @Field()
  title!: string;

  @Field(() => ID, { description: 'The unit (from membership) that holds the meeting' })
  unitId!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => String, { nullable: true })
  venue?: string;

  @Field(() => ID, { nullable: true, description: 'A member of the unit’s organisation' })
  chairId?: string;

  @Field(() => [MeetingSessionInput], { nullable: true })
  sessions?: MeetingSessionInput[];

  @Field(() => [ID], { nullable: true, description: 'Members of the unit’s organisation who attended' })
  attendeeIds?: string[];

  @Field(() => String, { nullable: true })
  minutes?: string;
}

@InputType({ description: 'Attendance changes through setMeetingAttendees, addMeetingAttendees and removeMeetingAttendees' })
export class MeetingUpdateInput {
  @Field(() => MeetingKind, { nullable: true })
  kind?: MeetingKind;

  @Field({ nullable: true })
  title?: string;

  @Field(() => ID, { nullable: true, description: 'Another unit of the same organisation' })
  unitId?: string;

  @Field(() => Date, { nullable: true })
  startsAt?: Date;

  @Field(() => String, { nullable: true, description: 'An empty string clears it' })
  venue?: string;

  @Field(() => ID, { nullable: true, description: 'An empty string clears it' })
  chairId?: string;

  @Field(() => [MeetingSessionInput], { nullable: true, description: 'Replaces every session' })
  sessions?: MeetingSessionInput[];

  @Field(() => String, { nullable: true, description: 'An empty string clears it' })
  minutes?: string;
}

@InputType()
export class MeetingFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Title, venue or minutes' })
  q?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field(() => ID, { nullable: true, description: 'Meetings of this unit and every unit below it' })
  withinUnit?: string;

  @Field(() => [String], { nullable: true, description: 'Unit levels, e.g. ["state", "district"]' })
  unitLevels?: string[];

  @Field(() => [MeetingKind], { nullable: true })
  kinds?: MeetingKind[];

  @Field(() => Date, { nullable: true, description: 'Meetings starting at or after this instant' })
  from?: Date;

  @Field(() => Date, { nullable: true, description: 'Meetings starting before this instant' })
  to?: Date;

  @Field(() => ID, { nullable: true })
  chairId?: string;

  @Field(() => ID, { nullable: true, description: 'Meetings this member attended' })
  attendeeId?: string;

  @Field(() => ID, { nullable: true, description: 'Meetings where this member speaks in a session' })
  speakerId?: string;
}

export enum MeetingSortField {
  startsAt = 'startsAt',
  title = 'title',
  kind = 'kind',
  attendeeCount = 'attendeeCount',
  unitLevel = 'unitLevel',
  createdAt = 'createdAt',
}

@InputType()
export class MeetingSort extends SortInputType(MeetingSortField, 'MeetingSortField') {}

@ObjectType()
export class MeetingPage extends PageType(Meeting) {}

@ObjectType({ description: 'A page of a meeting’s attendance list, in the order members were added' })
export class MeetingAttendeePage extends PageType(MemberRef) {}
