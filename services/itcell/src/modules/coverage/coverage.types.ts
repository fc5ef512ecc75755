import { Field, Float, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: 'IT-cell coverage below a unit, e.g. "412 of 1,471 mandals have a convenor"' })
export class ItCoverage {
  @Field({ description: 'The level counted, e.g. "mandal"' })
  level!: string;

  @Field(() => Int, { description: 'Live units at that level within the unit' })
  units!: number;

  @Field(() => Int, { description: 'Of those, units with an active team that has a current convenor' })
  unitsWithConvenor!: number;

  @Field(() => Float, { description: '0–100, one decimal' })
  unitsPercent!: number;

  @Field()
  boothLevel!: string;

  @Field(() => Int)
  booths!: number;

  @Field(() => Int, { description: 'Booths whose active team has at least one current cyber warrior' })
  boothsWithCyberWarrior!: number;

  @Field(() => Float)
  boothsPercent!: number;
}
