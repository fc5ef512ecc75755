import { IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { OrgUnit } from './org-unit.entity';

@InputType()
export class OrgUnitInput {
  @Field(() => ID)
  organizationId!: string;

  @Field(() => ID, { nullable: true, description: 'Omit for a root unit' })
  parentId?: string;

  @Field()
  level!: string;

  @Field()
  name!: string;

  @Field({ nullable: true, description: 'Derived from name when omitted' })
  nameLatin?: string;

  @Field()
  code!: string;
}

@InputType()
export class OrgUnitUpdateInput {
  @Field(() => ID, { nullable: true, description: 'Moves the unit (and its subtree) under another parent' })
  parentId?: string;

  @Field({ nullable: true, description: 'Makes the unit a root; cannot be combined with parentId' })
  makeRoot?: boolean;

  @Field({ nullable: true })
  level?: string;

  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  nameLatin?: string;

  @Field({ nullable: true })
  code?: string;
}

@InputType()
export class OrgUnitFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Name in either script, Latin form, or code' })
  q?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true })
  parentId?: string;

  @Field({ nullable: true, description: 'Only units without a parent' })
  isRoot?: boolean;

  @Field(() => [String], { nullable: true })
  levels?: string[];

  @Field(() => ID, { nullable: true, description: 'The unit and everything below it' })
  withinUnit?: string;
}

export enum OrgUnitSortField {
  name = 'name',
  nameLatin = 'nameLatin',
  code = 'code',
  level = 'level',
  createdAt = 'createdAt',
  updatedAt = 'updatedAt',
}

@InputType()
export class OrgUnitSort extends SortInputType(OrgUnitSortField, 'OrgUnitSortField') {}

@ObjectType()
export class OrgUnitPage extends PageType(OrgUnit) {}
