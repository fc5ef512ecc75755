import { DateScalar, UnitRecord } from '@sangathan/common';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

@ObjectType({ description: 'A dated count reached by a unit in a drive (e.g. 120 supporters signed up on the app that day)' })
@Entity('drive_report')
export class DriveReport extends UnitRecord {
  @Field(() => ID)
  @Column({ name: 'drive_id', type: 'uuid' })
  driveId!: string;

  @Field(() => DateScalar)
  @Column({ name: 'reported_on', type: 'date' })
  reportedOn!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  count!: number;

  @Field(() => ID, { description: 'The member (from membership) who reported' })
  @Column({ name: 'reported_by', type: 'uuid' })
  reportedById!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  note!: string | null;
}
