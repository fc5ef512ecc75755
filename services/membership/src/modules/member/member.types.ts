import { DateScalar, IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Gender, Member, MemberStatus } from './member.entity';

@InputType()
export class MemberInput {
  @Field(() => ID)
  organizationId!: string;

  @Field()
  fullName!: string;

  @Field({ nullable: true, description: 'Derived from fullName when omitted' })
  fullNameLatin?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth?: string;

  @Field({ nullable: true, description: 'Any common format; stored as E.164 (national numbers use the organisation’s country)' })
  phone?: string;

  @Field({ nullable: true })
  email?: string;

  @Field(() => ID)
  unitId!: string;

  @Field({ nullable: true, description: 'Generated when omitted' })
  membershipNumber?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to today' })
  joinedOn?: string;

  @Field(() => MemberStatus, { nullable: true, description: 'Defaults to ACTIVE' })
  status?: MemberStatus;

  @Field(() => [String], { nullable: true })
  tags?: string[];
}

@InputType()
export class MemberUpdateInput {
  @Field({ nullable: true })
  fullName?: string;

  @Field({ nullable: true })
  fullNameLatin?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => DateScalar, { nullable: true })
  dateOfBirth?: string;

  @Field({ nullable: true, description: 'An empty string clears it' })
  phone?: string;

  @Field({ nullable: true, description: 'An empty string clears it' })
  email?: string;

  @Field(() => ID, { nullable: true })
  unitId?: string;

  @Field({ nullable: true })
  membershipNumber?: string;

  @Field(() => DateScalar, { nullable: true })
  joinedOn?: string;

  @Field(() => MemberStatus, { nullable: true })
  status?: MemberStatus;

  @Field(() => [String], { nullable: true })
  tags?: string[];
}

@InputType()
export class MemberFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Name in either script or its Latin form, phone, or membership number' })
  q?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Home unit is this unit or below it' })
  withinUnit?: string;

  @Field(() => ID, { nullable: true, description: 'Home unit is exactly this unit' })
  unitId?: string;

  @Field(() => [MemberStatus], { nullable: true })
  statuses?: MemberStatus[];

  @Field(() => [String], { nullable: true, description: 'Members carrying all of these tags' })
  tags?: string[];

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => DateScalar, { nullable: true })
  joinedFrom?: string;

  @Field(() => DateScalar, { nullable: true })
  joinedTo?: string;
}

export enum MemberSortField {
  fullName = 'fullName',
  fullNameLatin = 'fullNameLatin',
  membershipNumber = 'membershipNumber',
  joinedOn = 'joinedOn',
  dateOfBirth = 'dateOfBirth',
  status = 'status',
  createdAt = 'createdAt',
  updatedAt = 'updatedAt',
}

@InputType()
export class MemberSort extends SortInputType(MemberSortField, 'MemberSortField') {}

@ObjectType()
export class MemberPage extends PageType(Member) {}
