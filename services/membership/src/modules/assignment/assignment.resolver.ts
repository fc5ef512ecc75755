import { CrudResolver } from '@sangathan/common';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { Member } from '../member/member.entity';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { isActiveOn } from '../position/position.service';
import { Assignment } from './assignment.entity';
import { AssignmentFilter, AssignmentInput, AssignmentPage, AssignmentSort, AssignmentUpdateInput } from './assignment.types';

@Resolver(() => Assignment)
export class AssignmentResolver extends CrudResolver({
  name: 'assignment',
  plural: 'assignments',
  entity: Assignment,
  input: AssignmentInput,
  updateInput: AssignmentUpdateInput,
  filter: AssignmentFilter,
  sort: AssignmentSort,
  page: AssignmentPage,
}) {
  @FieldResolver(() => Member, { nullable: true, description: 'Null when the member lies outside what the caller may see' })
  cadre(@Root() assignment: Assignment, @Ctx() { services }: MembershipContext) {
    return services.members.loader.load(assignment.cadreId);
  }

  @FieldResolver(() => OrgUnit)
  unit(@Root() assignment: Assignment, @Ctx() { services }: MembershipContext) {
    return services.orgUnits.loader.load(assignment.unitId);
  }

  @FieldResolver(() => Boolean, { description: 'In force today' })
  active(@Root() assignment: Assignment) {
    return isActiveOn(assignment);
  }
}
