import { UnitRecord } from '@sangathan/common';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export enum MeetingKind {
  PLANNING_MEETING = 'PLANNING_MEETING',
  WORKSHOP = 'WORKSHOP',
  VOLUNTEER_MEET = 'VOLUNTEER_MEET',
  CONFERENCE = 'CONFERENCE',
}
registerEnumType(MeetingKind, {
  name: 'MeetingKind',
  description: 'VOLUNTEER_MEET: a meet of supporters active on social media',
});

/** One session of a meeting, stored in the meeting's `sessions` jsonb. */
@ObjectType({ description: 'A session of a meeting: its title and speakers, in order' })
export class MeetingSession {
  @Field()
  title!: string;

  @Field(() => [ID], { description: 'Members (from membership) who speak' })
  speakerIds!: string[];
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A planning meeting, workshop, volunteer meet or conference held by a unit' })
@Entity('meeting')
export class Meeting extends UnitRecord {
  @Field(() => MeetingKind)
  @Column({ type: 'text' })
  kind!: MeetingKind;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  /** Loose Latin key of the title and venue, for `q` (see searchKey in @sangathan/common). */
  @Column({ name: 'search_key', type: 'text', default: '' })
  searchKey!: string;

  @Field(() => Date)
  @Column({ name: 'starts_at', type: 'timestamptz', precision: 3 })
  startsAt!: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  venue!: string | null;

  @Field(() => ID, { nullable: true, description: 'The member (from membership) who chairs the meeting' })
  @Column({ name: 'chair_id', type: 'uuid', nullable: true })
  chairId!: string | null;

  @Field(() => [MeetingSession])
  @Column({ type: 'jsonb', default: () => "'[]'" })
  sessions!: MeetingSession[];

  @Field(() => Int, { description: 'How many members attended' })
  @Column({ name: 'attendee_count', type: 'integer', default: 0 })
  attendeeCount!: number;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  minutes!: string | null;
}

/** A member on a meeting's attendance list (one row per member and meeting). */
@Entity('meeting_attendee')
export class MeetingAttendee {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'meeting_id', type: 'uuid' })
  meetingId!: string;

  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;
}
