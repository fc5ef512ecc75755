import { DateScalar, IdsFilter, PageType } from '@sangathan/common';
import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Member } from '../member/member.entity';
import { DuplicateCandidate, DuplicateStatus } from './duplicate-candidate.entity';

@InputType()
export class DuplicateCandidateFilter extends IdsFilter {
  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => DuplicateStatus, { nullable: true })
  status?: DuplicateStatus;

  @Field(() => ID, { nullable: true, description: 'Both members’ home units are this unit or below it' })
  withinUnit?: string;

  @Field(() => Float, { nullable: true, description: '0–1' })
  minScore?: number;
}

@ObjectType()
export class DuplicateCandidatePage extends PageType(DuplicateCandidate) {}

@InputType({ description: 'A would-be member (an import row) to compare with the existing ones' })
export class PossibleDuplicateInput {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  fullName!: string;

  @Field({ nullable: true, description: 'Any common format, as for createMember' })
  phone?: string;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth?: string;

  @Field(() => ID, { nullable: true, description: 'The would-be home unit, for closeness' })
  unitId?: string;
}

@ObjectType()
export class DuplicateMatch {
  @Field(() => Member)
  member!: Member;

  @Field(() => Float)
  score!: number;

  @Field(() => [String])
  reasons!: string[];
}

@ObjectType({ description: 'The best-scoring existing members for one input row' })
export class PossibleDuplicates {
  @Field(() => Int, { description: 'The row’s position in the input list' })
  index!: number;

  @Field(() => [DuplicateMatch], { description: 'Best first; empty when nothing scores at least minScore' })
  matches!: DuplicateMatch[];
}
