import { BaseRecord, DateScalar } from '@sangathan/common';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum PositionTitle {
  PRESIDENT = 'PRESIDENT',
  VICE_PRESIDENT = 'VICE_PRESIDENT',
  GENERAL_SECRETARY = 'GENERAL_SECRETARY',
  SECRETARY = 'SECRETARY',
  TREASURER = 'TREASURER',
  SPOKESPERSON = 'SPOKESPERSON',
  CONVENOR = 'CONVENOR',
  CO_CONVENOR = 'CO_CONVENOR',
  IN_CHARGE = 'IN_CHARGE',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
}
registerEnumType(PositionTitle, { name: 'PositionTitle' });

@ObjectType({ description: 'An office a member holds in a unit for a period' })
@Entity('position')
export class Position extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Field(() => ID)
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Field(() => PositionTitle)
  @Column({ type: 'text' })
  title!: PositionTitle;

  @Field(() => String, { nullable: true, description: 'Free label, e.g. "Booth president" or "Media in-charge"' })
  @Column({ type: 'text', nullable: true })
  label!: string | null;

  @Field(() => DateScalar)
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar, { nullable: true })
  @Column({ name: 'ends_on', type: 'date', nullable: true })
  endsOn!: string | null;
}
