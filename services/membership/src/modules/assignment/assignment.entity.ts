import { BaseRecord, DateScalar } from '@sangathan/common';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

@ObjectType({ description: 'A cadre put in charge of supervising a unit for a period' })
@Entity('assignment')
export class Assignment extends BaseRecord {
  @Field(() => ID, { description: 'The cadre (a member)' })
  @Column({ name: 'cadre_id', type: 'uuid' })
  cadreId!: string;

  @Field(() => ID)
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Field(() => DateScalar)
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
