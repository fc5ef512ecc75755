import { PageInput } from '@sangathan/common';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { CampStatus } from '../camp/camp.entity';
import { CampPage } from '../camp/camp.types';
import { Enrollment } from '../enrollment/enrollment.entity';
import { MemberRef, OrgUnitRef } from './references';

/** What training adds to membership's Member. */
@Resolver(() => MemberRef)
export class MemberTrainingResolver {
  @FieldResolver(() => [Enrollment], {
    nullable: true,
    description:
      'Camp enrolments in camps the caller may see, newest first; none for a member outside what the caller may see (batched: one query per request); null when training does not answer',
  })
  enrollments(@Root() member: MemberRef, @Ctx() { services }: TrainingContext) {
    return services.enrollments.byMember.load(member.id);
  }

  @FieldResolver(() => Int, {
    nullable: true,
    description:
      'How many camps the caller may see the member completed; 0 for a member outside what the caller may see (batched: one query per request); null when training does not answer',
  })
  trainingsCompleted(@Root() member: MemberRef, @Ctx() { services }: TrainingContext) {
    return services.enrollments.completedCounts.load(member.id);
  }
}

/** What training adds to membership's OrgUnit. */
@Resolver(() => OrgUnitRef)
export class OrgUnitCampsResolver {
  @FieldResolver(() => CampPage, {
    nullable: true,
    description:
      'Camps held at this unit or any unit below it, by start date; none for a unit outside what the caller may see; null when training does not answer',
  })
  camps(
    @Root() unit: OrgUnitRef,
    @Ctx() { services }: TrainingContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
    @Arg('statuses', () => [CampStatus], { nullable: true }) statuses?: CampStatus[],
  ) {
    return services.camps.withinUnit(unit.id, statuses, page);
  }
}
