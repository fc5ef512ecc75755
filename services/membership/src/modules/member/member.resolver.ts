import { CrudResolver } from '@sangathan/common';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { Organization } from '../organization/organization.entity';
import { Position } from '../position/position.entity';
import { Member } from './member.entity';
import { MemberFilter, MemberInput, MemberPage, MemberSort, MemberUpdateInput } from './member.types';

@Resolver(() => Member)
export class MemberResolver extends CrudResolver({
  name: 'member',
  plural: 'members',
  entity: Member,
  input: MemberInput,
  updateInput: MemberUpdateInput,
  filter: MemberFilter,
  sort: MemberSort,
  page: MemberPage,
}) {
  @FieldResolver(() => Organization)
  organization(@Root() member: Member, @Ctx() { services }: MembershipContext) {
    return services.organizations.loader.load(member.organizationId);
  }

  @FieldResolver(() => OrgUnit, { description: 'Home unit' })
  unit(@Root() member: Member, @Ctx() { services }: MembershipContext) {
    return services.orgUnits.loader.load(member.unitId);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The member this one was merged into (it is retired); null otherwise' })
  mergedInto(@Root() member: Member, @Ctx() { services }: MembershipContext) {
    return member.mergedIntoId ? services.members.loader.load(member.mergedIntoId) : null;
  }

  @FieldResolver(() => [Position], { description: 'Offices held, current and past, newest first' })
  positions(@Root() member: Member, @Ctx() { services }: MembershipContext) {
    return services.positions.byMember.load(member.id);
  }
}
