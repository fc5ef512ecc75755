import { CrudResolver } from '@sangathan/common';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { Member } from '../member/member.entity';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { Position } from './position.entity';
import { isActiveOn } from './position.service';
import { PositionFilter, PositionInput, PositionPage, PositionSort, PositionUpdateInput } from './position.types';

@Resolver(() => Position)
export class PositionResolver extends CrudResolver({
  name: 'position',
  plural: 'positions',
  entity: Position,
  input: PositionInput,
  updateInput: PositionUpdateInput,
  filter: PositionFilter,
  sort: PositionSort,
  page: PositionPage,
}) {
  @FieldResolver(() => Member, { nullable: true, description: 'Null when the member lies outside what the caller may see' })
  member(@Root() position: Position, @Ctx() { services }: MembershipContext) {
    return services.members.loader.load(position.memberId);
  }

  @FieldResolver(() => OrgUnit)
  unit(@Root() position: Position, @Ctx() { services }: MembershipContext) {
    return services.orgUnits.loader.load(position.unitId);
  }

  @FieldResolver(() => Boolean, { description: 'Held today' })
  active(@Root() position: Position) {
    return isActiveOn(position);
  }
}
