import { BaseRecord, DateScalar } from '@sangathan/common';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

@ObjectType({ description: 'One phase of a campaign: its dates, targets, and the unit level its camps are held at' })
@Entity('campaign_phase')
export class CampaignPhase extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Field(() => Int, { description: 'Unique in the campaign: 1, 2, 3…' })
  @Column({ type: 'int' })
  number!: number;

  @Field()
  @Column()
  name!: string;

  @Field(() => DateScalar)
  @Column({ name: 'starts_on', type: 'date' })
  startsOn!: string;

  @Field(() => DateScalar)
  @Column({ name: 'ends_on', type: 'date' })
  endsOn!: string;

  @Field(() => Int)
  @Column({ name: 'target_camps', type: 'int' })
  targetCamps!: number;

  @Field(() => Int)
  @Column({ name: 'target_trainees', type: 'int' })
  targetTrainees!: number;

  @Field({ description: 'Unit level key camps are held at, e.g. "district" (phase 1) or "vidhan_sabha" (phase 2)' })
  @Column({ name: 'camp_level' })
  campLevel!: string;
}
