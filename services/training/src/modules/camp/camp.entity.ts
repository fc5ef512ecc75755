import { DateScalar, UnitRecord } from '@sangathan/common';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum CampStatus {
  PLANNED = 'PLANNED',
  ONGOING = 'ONGOING',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CampStatus, { name: 'CampStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A training camp held at a unit during a phase' })
@Entity('camp')
export class Camp extends UnitRecord {
  @Field(() => ID)
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Field(() => ID)
  @Column({ name: 'phase_id', type: 'uuid' })
  phaseId!: string;

  @Field()
  @Column()
  venue!: string;

  @Field(() => DateScalar)
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar)
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  capacity!: number;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'trainer_team_id', type: 'uuid', nullable: true })
  trainerTeamId!: string | null;

  @Field(() => [ID])
  @Column({ name: 'topic_ids', type: 'uuid', array: true, default: () => "'{}'" })
  topicIds!: string[];

  @Field(() => CampStatus)
  @Column({ type: 'text', default: CampStatus.PLANNED })
  status!: CampStatus;
}
