import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** A member owned by membership; itcell adds fields to it and the gateway joins. */
@Directive('@key(fields: "id")')
@ObjectType('Member')
export class MemberRef {
  @Field(() => ID)
  id!: string;
}

/** A unit owned by membership; itcell adds its team and IT coverage. */
@Directive('@key(fields: "id")')
@ObjectType('OrgUnit')
export class OrgUnitRef {
  @Field(() => ID)
  id!: string;
}

export const memberRef = (id: string): MemberRef => ({ id });
export const unitRef = (id: string): OrgUnitRef => ({ id });
