import { PageInput } from '@sangathan/common';
import { Arg, Ctx, Float, ID, Int, Mutation, Query, Resolver, FieldResolver, Root } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { Member } from '../member/member.entity';
import { DuplicateCandidate } from './duplicate-candidate.entity';
import { DUPLICATE_THRESHOLD } from './duplicate-score';
import { DuplicateRun } from './duplicate-run.entity';
import { DuplicateCandidateFilter, DuplicateCandidatePage, PossibleDuplicateInput, PossibleDuplicates } from './duplicate.types';

@Resolver(() => DuplicateCandidate)
export class DuplicateResolver {
  @Query(() => DuplicateCandidatePage, {
    description: 'The review queue: pairs whose two members both lie in your scope, best score first',
  })
  duplicateCandidates(
    @Ctx() { services }: MembershipContext,
    @Arg('filter', () => DuplicateCandidateFilter, { nullable: true }) filter?: DuplicateCandidateFilter,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return services.duplicates.listQueue(filter ?? {}, page);
  }

  @Query(() => [PossibleDuplicates], { description: 'For would-be members (import rows): existing members who may be the same person' })
  possibleDuplicates(
    @Ctx() { services }: MembershipContext,
    @Arg('rows', () => [PossibleDuplicateInput]) rows: PossibleDuplicateInput[],
    @Arg('minScore', () => Float, { defaultValue: DUPLICATE_THRESHOLD }) minScore: number,
    @Arg('limit', () => Int, { defaultValue: 3, description: 'Matches per row, 1–20' }) limit: number,
  ) {
    return services.duplicates.possibleDuplicates(rows, minScore, limit);
  }

  @Query(() => DuplicateRun, {
    nullable: true,
    description: 'A findDuplicates run’s progress; null when unknown or started in a scope outside yours',
  })
  duplicateRun(@Ctx() { services }: MembershipContext, @Arg('id', () => ID) id: string) {
    return services.duplicates.getRun(id);
  }

  @Mutation(() => DuplicateRun, { description: 'Finds likely duplicates among the organisation’s members in your scope and queues them' })
  findDuplicates(@Ctx() { services }: MembershipContext, @Arg('organizationId', () => ID) organizationId: string) {
    return services.duplicates.findDuplicates(organizationId);
  }

  @Mutation(() => DuplicateCandidate, { description: '"Not the same person": the pair is never proposed again' })
  markNotDuplicate(
    @Ctx() { services }: MembershipContext,
    @Arg('id', () => ID) id: string,
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion?: number,
  ) {
    return services.duplicates.markNotDuplicate(id, expectedVersion);
  }

  @FieldResolver(() => Member, { nullable: true })
  memberA(@Root() candidate: DuplicateCandidate, @Ctx() { services }: MembershipContext) {
    return services.members.loader.load(candidate.memberAId);
  }

  @FieldResolver(() => Member, { nullable: true })
  memberB(@Root() candidate: DuplicateCandidate, @Ctx() { services }: MembershipContext) {
    return services.members.loader.load(candidate.memberBId);
  }
}
