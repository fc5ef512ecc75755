import { CrudResolver, DateScalar } from '@sangathan/common';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { TrainingContext } from '../../context';
import { Camp } from '../camp/camp.entity';
import { MemberRef, memberRef } from '../federation/references';
import { Topic } from '../topic/topic.entity';
import { Enrollment, EnrollmentStatus } from './enrollment.entity';
import { EnrollmentFilter, EnrollmentInput, EnrollmentPage, EnrollmentSort, EnrollmentUpdateInput } from './enrollment.types';

@Resolver(() => Enrollment)
export class EnrollmentResolver extends CrudResolver({
  name: 'enrollment',
  plural: 'enrollments',
  entity: Enrollment,
  input: EnrollmentInput,
  updateInput: EnrollmentUpdateInput,
  filter: EnrollmentFilter,
  sort: EnrollmentSort,
  page: EnrollmentPage,
}) {
  @FieldResolver(() => Camp)
  camp(@Root() enrollment: Enrollment, @Ctx() { services }: TrainingContext) {
    return services.camps.loader.load(enrollment.campId);
  }

  @FieldResolver(() => MemberRef, {
    nullable: true,
    description: 'Null when the member lies outside what the caller may see (someone from elsewhere enrolled in a camp of the caller’s)',
  })
  async member(@Root() enrollment: Enrollment, @Ctx() { services }: TrainingContext) {
    const visible = await services.membership.visibleMemberIds([enrollment.memberId]);
    return visible.has(enrollment.memberId) ? memberRef(enrollment.memberId) : null;
  }

  @FieldResolver(() => [Topic], { description: 'The topics of topicsAttended' })
  async topics(@Root() enrollment: Enrollment, @Ctx() { services }: TrainingContext) {
    const topics = await services.topics.loader.loadMany(enrollment.topicsAttended);
    return topics.filter((topic): topic is Topic => topic instanceof Topic);
  }

  @Mutation(() => [Enrollment], {
    description:
      'Enrols many members in a camp at once, all or none, in the order given. Bad rows are reported as "memberIds.<index>" (unknown, another organisation, already enrolled, listed twice, over capacity) and nothing is written',
  })
  enrollMembers(
    @Arg('campId', () => ID) campId: string,
    @Arg('memberIds', () => [ID]) memberIds: string[],
    @Ctx() { services }: TrainingContext,
  ) {
    return services.enrollments.enrollMembers(campId, memberIds);
  }

  @Mutation(() => [Enrollment], {
    description:
      'Sets the status of many enrolments (e.g. attendance for a camp), all or none; bad rows are reported as "ids.<index>". COMPLETED needs completedOn',
  })
  setEnrollmentStatuses(
    @Arg('ids', () => [ID]) ids: string[],
    @Arg('status', () => EnrollmentStatus) status: EnrollmentStatus,
    @Ctx() { services }: TrainingContext,
    @Arg('completedOn', () => DateScalar, { nullable: true }) completedOn?: string,
  ) {
    return services.enrollments.setStatuses(ids, status, completedOn);
  }
}
