import { IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Organization } from './organization.entity';

@InputType()
export class UnitLevelInput {
  @Field()
  key!: string;

  @Field()
  label!: string;

  @Field(() => Int)
  rank!: number;
}

@InputType()
export class OrganizationInput {
  @Field()
  name!: string;

  @Field()
  shortName!: string;

  @Field({ description: 'ISO 3166-1 alpha-2, e.g. IN' })
  country!: string;

  @Field({ defaultValue: 'en' })
  defaultLocale!: string;

  @Field(() => [UnitLevelInput])
  unitLevels!: UnitLevelInput[];
}

@InputType()
export class OrganizationUpdateInput {
  @Field({ nullable: true })
  name?: string;

  @Field({ nullable: true })
  shortName?: string;

  @Field({ nullable: true })
  country?: string;

  @Field({ nullable: true })
  defaultLocale?: string;

  @Field(() => [UnitLevelInput], { nullable: true })
  unitLevels?: UnitLevelInput[];
}

@InputType()
export class OrganizationFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Searches name and short name' })
  q?: string;

  @Field({ nullable: true })
  country?: string;
}

export enum OrganizationSortField {
  name = 'name',
  shortName = 'shortName',
  country = 'country',
  createdAt = 'createdAt',
  updatedAt = 'updatedAt',
}

@InputType()
export class OrganizationSort extends SortInputType(OrganizationSortField, 'OrganizationSortField') {}

@ObjectType()
export class OrganizationPage extends PageType(Organization) {}
