import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A member owned by membership, as another subgraph refers to it (and adds fields to it). */
@Directive('@key(fields: "id")')
@ObjectType('Member')
export class MemberRef {
  @Field(() => ID)
  id!: string;
}

/** A unit owned by membership, as another subgraph refers to it (and adds fields to it). */
@Directive('@key(fields: "id")')
@ObjectType('OrgUnit')
export class OrgUnitRef {
  @Field(() => ID)
  id!: string;
}

export const memberRef = (id: string): MemberRef => ({ id });
export const unitRef = (id: string): OrgUnitRef => ({ id });
