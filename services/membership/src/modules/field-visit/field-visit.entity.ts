import { BaseRecord, DateScalar } from '@sangathan/common';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum VisitPurpose {
  INSPECTION = 'INSPECTION',
  SUPERVISION = 'SUPERVISION',
  VOLUNTEER_WORKS = 'VOLUNTEER_WORKS',
  COMMUNICATION = 'COMMUNICATION',
  RELIEF = 'RELIEF',
  MODEL_VISIT = 'MODEL_VISIT',
  OTHER = 'OTHER',
}
registerEnumType(VisitPurpose, { name: 'VisitPurpose' });

@ObjectType({ description: 'A cadre’s dated visit to a unit' })
@Entity('field_visit')
export class FieldVisit extends BaseRecord {
  @Field(() => ID, { description: 'The cadre (a member)' })
  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Field(() => ID)
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Field(() => DateScalar)
  @Column({ name: 'visited_on', type: 'date' })
  visitedOn!: string;

  @Field(() => VisitPurpose)
  @Column({ type: 'text' })
  purpose!: VisitPurpose;

  @Field(() => [String], { description: 'What was done, e.g. "distributed 500 masks"' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  activities!: string[];

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  notes!: string | null;
}
