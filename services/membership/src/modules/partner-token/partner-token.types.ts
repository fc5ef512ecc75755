import { IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { PartnerToken } from './partner-token.entity';

@InputType()
export class PartnerTokenInput {
  @Field()
  name!: string;

  @Field(() => ID)
  scopeUnitId!: string;

  @Field(() => [String], { description: 'From members:read, pii:read, itcell:read, training:read' })
  scopes!: string[];

  @Field(() => Date, { nullable: true, description: 'At most a year ahead; 90 days when not given' })
  expiresAt?: Date | null;
}

@InputType()
export class PartnerTokenUpdateInput {
  @Field({ nullable: true })
  name?: string;
}

@InputType()
export class PartnerTokenFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Searches the name' })
  q?: string;

  @Field({ nullable: true, description: 'true: neither revoked nor expired; false: revoked or expired' })
  active?: boolean;
}

export enum PartnerTokenSortField {
  name = 'name',
  expiresAt = 'expiresAt',
  lastUsedAt = 'lastUsedAt',
  createdAt = 'createdAt',
}

@InputType()
export class PartnerTokenSort extends SortInputType(PartnerTokenSortField, 'PartnerTokenSortField') {}

@ObjectType()
export class PartnerTokenPage extends PageType(PartnerToken) {}
