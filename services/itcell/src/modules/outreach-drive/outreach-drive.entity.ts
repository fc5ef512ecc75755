import { DateScalar, UnitRecord } from '@sangathan/common';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum DriveKind {
  APP_ONBOARDING = 'APP_ONBOARDING',
  VOTER_REGISTRATION = 'VOTER_REGISTRATION',
  OTHER = 'OTHER',
}
registerEnumType(DriveKind, {
  name: 'DriveKind',
  description: 'APP_ONBOARDING: signing supporters up on the party’s app; VOTER_REGISTRATION: registering citizens over 18',
});

/** A drive's unit columns (unitId, unitPath, unitLevel) are those of its root unit. */
@Directive('@key(fields: "id")')
@ObjectType({
  description: 'An outreach drive over a root unit and everything below it: targets per unit and dated progress reports per unit',
})
@Entity('outreach_drive')
export class OutreachDrive extends UnitRecord {
  @Field(() => DriveKind)
  @Column({ type: 'text' })
  kind!: DriveKind;

  @Field()
  @Column()
  name!: string;

  @Field(() => DateScalar)
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar)
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;
}
