import { UnitRecord } from '@sangathan/common';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

@ObjectType({ description: 'How many a unit (and everything below it) is to reach in a drive; one live target per unit' })
@Entity('drive_target')
export class DriveTarget extends UnitRecord {
  @Field(() => ID)
  @Column({ name: 'drive_id', type: 'uuid' })
  driveId!: string;

  @Field(() => Int)
  @Column({ type: 'integer' })
  target!: number;
}
