import { CrudResolver, PageInput } from '@sangathan/common';
import { MemberRef, memberRef, OrgUnitRef, unitRef } from '../federation/references';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { ItcellContext } from '../../context';
import { Meeting, MeetingSession } from './meeting.entity';
import { MeetingAttendeePage, MeetingFilter, MeetingInput, MeetingPage, MeetingSort, MeetingUpdateInput } from './meeting.types';

@Resolver(() => Meeting)
export class MeetingResolver extends CrudResolver({
  name: 'meeting',
  plural: 'meetings',
  entity: Meeting,
  input: MeetingInput,
  updateInput: MeetingUpdateInput,
  filter: MeetingFilter,
  sort: MeetingSort,
  page: MeetingPage,
}) {
  @FieldResolver(() => OrgUnitRef, { nullable: true, description: 'Null when membership does not answer' })
  unit(@Root() meeting: Meeting) {
    return unitRef(meeting.unitId);
  }

  @FieldResolver(() => MemberRef, { nullable: true })
  chair(@Root() meeting: Meeting) {
    return meeting.chairId ? memberRef(meeting.chairId) : null;
  }

  @FieldResolver(() => MeetingAttendeePage, {
    nullable: true,
    description: 'The attendance list; attendeeCount is its total. Null when membership does not answer',
  })
  attendees(
    @Root() meeting: Meeting,
    @Ctx() { services }: ItcellContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return services.meetings.attendees(meeting.id, page);
  }

  @Mutation(() => Meeting, {
    description:
      'Replaces the attendance list. Every id is checked at once; bad ones are reported as "memberIds.<index>" and nothing changes',
  })
  setMeetingAttendees(
    @Arg('id', () => ID) id: string,
    @Arg('memberIds', () => [ID]) memberIds: string[],
    @Ctx() { services }: ItcellContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return services.meetings.setAttendees(id, memberIds, expectedVersion);
  }

  @Mutation(() => Meeting, { description: 'Adds members to the attendance list (all or none); members already on it are kept' })
  addMeetingAttendees(
    @Arg('id', () => ID) id: string,
    @Arg('memberIds', () => [ID]) memberIds: string[],
    @Ctx() { services }: ItcellContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return services.meetings.addAttendees(id, memberIds, expectedVersion);
  }

  @Mutation(() => Meeting, { description: 'Takes members off the attendance list; ids not on it are ignored' })
  removeMeetingAttendees(
    @Arg('id', () => ID) id: string,
    @Arg('memberIds', () => [ID]) memberIds: string[],
    @Ctx() { services }: ItcellContext,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return services.meetings.removeAttendees(id, memberIds, expectedVersion);
  }
}

/** A session's speakers, as Member references for the gateway to join. */
@Resolver(() => MeetingSession)
export class MeetingSessionResolver {
  @FieldResolver(() => [MemberRef], { nullable: true, description: 'Null when membership does not answer' })
  speakers(@Root() session: MeetingSession) {
    return session.speakerIds.map(memberRef);
  }
}
