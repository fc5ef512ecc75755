import { Directive, Field, ID, ObjectType } from 'type-graphql';

// Each subgraph declares its own reference classes: type-graphql attaches field resolvers to the class
// itself, so a class shared between subgraphs would carry one subgraph's fields into the other's schema
// whenever both are loaded in one process (as composition does).

/** A member owned by membership, as this subgraph refers to it (and adds fields to it). */
@Directive('@key(fields: "id")')
@ObjectType('Member')
export class MemberRef {
  @Field(() => ID)
  id!: string;
}

/** A unit owned by membership, as this subgraph refers to it (and adds fields to it). */
@Directive('@key(fields: "id")')
@ObjectType('OrgUnit')
export class OrgUnitRef {
  @Field(() => ID)
  id!: string;
}

export const memberRef = (id: string): MemberRef => ({ id });
export const unitRef = (id: string): OrgUnitRef => ({ id });
