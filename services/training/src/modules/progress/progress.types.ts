import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { OrgUnitRef } from '../federation/references';

// Named Training… so that they cannot clash with another subgraph's types in the composed supergraph.

@ObjectType('TrainingProgress', {
  description:
    'Targets against actual. Only live camps count; a CANCELLED camp counts for nothing. A camp is held once it is ONGOING or COMPLETED. ' +
    'A trainee is a distinct member with a live ATTENDED or COMPLETED enrolment in a counted camp (someone trained in two camps counts once).',
})
export class TrainingProgress {
  @Field(() => Int, { description: 'Camps to hold (a camp’s own target is 1)' })
  targetCamps!: number;

  @Field(() => Int, { description: 'Live camps that are not CANCELLED: PLANNED, ONGOING or COMPLETED' })
  campsPlanned!: number;

  @Field(() => Int, { description: 'Live camps that are ONGOING or COMPLETED' })
  campsHeld!: number;

  @Field(() => Int, { description: 'Members to train (a camp’s own target is its capacity)' })
  targetTrainees!: number;

  @Field(() => Int, { description: 'Distinct members with a live ATTENDED or COMPLETED enrolment in a counted camp' })
  trainees!: number;

  @Field(() => Float, { description: 'campsHeld / targetCamps × 100, one decimal; 0 when the target is 0 (may exceed 100)' })
  percentCamps!: number;

  @Field(() => Float, { description: 'trainees / targetTrainees × 100, one decimal; 0 when the target is 0 (may exceed 100)' })
  percentTrainees!: number;
}

@ObjectType('TrainingUnitProgress', {
  description:
    'What a campaign or phase achieved within one unit: the camps held at the unit or any unit below it and the members trained there ' +
    '(counted as in TrainingProgress). Targets are not set per unit, so none are reported.',
})
export class TrainingUnitProgress {
  @Field(() => ID)
  unitId!: string;

  @Field(() => OrgUnitRef, { nullable: true, description: 'Null when membership does not answer' })
  unit!: OrgUnitRef;

  @Field(() => Int, { description: 'Live camps that are not CANCELLED' })
  campsPlanned!: number;

  @Field(() => Int, { description: 'Live camps that are ONGOING or COMPLETED' })
  campsHeld!: number;

  @Field(() => Int, { description: 'Distinct members with a live ATTENDED or COMPLETED enrolment in those camps' })
  trainees!: number;
}
