import { Arg, Ctx, Int, Query, Resolver } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { UnitChange } from './unit-change.entity';

@Resolver(() => UnitChange)
export class UnitChangeResolver {
  @Query(() => [UnitChange], { description: 'Unit moves and level changes after `after`, oldest first' })
  unitChanges(
    @Ctx() { services }: MembershipContext,
    @Arg('after', () => Int, { defaultValue: 0 }) after: number,
    @Arg('limit', () => Int, { defaultValue: 500 }) limit: number,
  ) {
    return services.orgUnits.changesAfter(after, limit);
  }
}
