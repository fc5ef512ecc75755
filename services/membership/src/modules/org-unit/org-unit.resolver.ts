import { CrudResolver, PageInput } from '@sangathan/common';
import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { Organization } from '../organization/organization.entity';
import { OrgUnit } from './org-unit.entity';
import { OrgUnitFilter, OrgUnitInput, OrgUnitPage, OrgUnitSort, OrgUnitUpdateInput } from './org-unit.types';

@Resolver(() => OrgUnit)
export class OrgUnitResolver extends CrudResolver({
  name: 'orgUnit',
  plural: 'orgUnits',
  entity: OrgUnit,
  input: OrgUnitInput,
  updateInput: OrgUnitUpdateInput,
  filter: OrgUnitFilter,
  sort: OrgUnitSort,
  page: OrgUnitPage,
}) {
  @FieldResolver(() => Organization)
  organization(@Root() unit: OrgUnit, @Ctx() { services }: MembershipContext) {
    return services.organizations.loader.load(unit.organizationId);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  parent(@Root() unit: OrgUnit, @Ctx() { services }: MembershipContext) {
    return unit.parentId ? services.orgUnits.loader.load(unit.parentId) : null;
  }

  @FieldResolver(() => OrgUnitPage)
  children(
    @Root() unit: OrgUnit,
    @Ctx() { services }: MembershipContext,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return services.orgUnits.children(unit, page);
  }

  @FieldResolver(() => [OrgUnit], { description: 'From the root down to the parent' })
  ancestors(@Root() unit: OrgUnit, @Ctx() { services }: MembershipContext) {
    return services.orgUnits.ancestors(unit);
  }

  @FieldResolver(() => Int, { description: 'Live units below this one, at one level or at all levels' })
  descendantCount(
    @Root() unit: OrgUnit,
    @Ctx() { services }: MembershipContext,
    @Arg('level', () => String, { nullable: true }) level?: string,
  ) {
    return services.orgUnits.descendantCounts.load(`${unit.id}|${level ?? ''}`);
  }
}
