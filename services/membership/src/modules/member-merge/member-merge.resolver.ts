import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { Member } from '../member/member.entity';
import { MemberMerge } from './member-merge.entity';
import { MergeExpectedVersions } from './member-merge.types';

@Resolver(() => MemberMerge)
export class MemberMergeResolver {
  @Mutation(() => Member, {
    description:
      'Keeps one member and retires the other: its positions, assignments, field visits and accounts move to the kept member (itcell and training follow); the retired member answers with mergedInto. Returns the kept member',
  })
  mergeMembers(
    @Ctx() { services }: MembershipContext,
    @Arg('keepId', () => ID) keepId: string,
    @Arg('retireId', () => ID) retireId: string,
    @Arg('expectedVersions', () => MergeExpectedVersions, { nullable: true }) expectedVersions?: MergeExpectedVersions,
  ) {
    return services.memberMerges.merge(keepId, retireId, expectedVersions ?? {});
  }

  @Query(() => [MemberMerge], { description: 'Member merges after `after`, oldest first' })
  memberMerges(
    @Ctx() { services }: MembershipContext,
    @Arg('after', () => Int, { defaultValue: 0 }) after: number,
    @Arg('limit', () => Int, { defaultValue: 500 }) limit: number,
  ) {
    return services.memberMerges.mergesAfter(after, limit);
  }
}
