import { CrudResolver, DateScalar } from '@sangathan/common';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { Member } from '../member/member.entity';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { FieldVisit } from './field-visit.entity';
import {
  CadreVisitSummary,
  FieldVisitFilter,
  FieldVisitInput,
  FieldVisitPage,
  FieldVisitSort,
  FieldVisitUpdateInput,
} from './field-visit.types';

@Resolver(() => FieldVisit)
export class FieldVisitResolver extends CrudResolver({
  name: 'fieldVisit',
  plural: 'fieldVisits',
  entity: FieldVisit,
  input: FieldVisitInput,
  updateInput: FieldVisitUpdateInput,
  filter: FieldVisitFilter,
  sort: FieldVisitSort,
  page: FieldVisitPage,
}) {
  @FieldResolver(() => Member, { nullable: true, description: 'Null when the member lies outside what the caller may see' })
  cadre(@Root() visit: FieldVisit, @Ctx() { services }: MembershipContext) {
    return services.members.loader.load(visit.cadreId);
  }

  @FieldResolver(() => OrgUnit)
  unit(@Root() visit: FieldVisit, @Ctx() { services }: MembershipContext) {
    return services.orgUnits.loader.load(visit.unitId);
  }

  @Query(() => [CadreVisitSummary], { description: 'Per cadre: visits, distinct units and days in the field, most visits first' })
  fieldVisitSummary(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('from', () => DateScalar) from: string,
    @Arg('to', () => DateScalar) to: string,
    @Ctx() { services }: MembershipContext,
  ) {
    return services.fieldVisits.summary(organizationId, from, to);
  }
}
