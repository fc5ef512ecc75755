import { BaseRecord } from '@sangathan/common';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

@ObjectType({ description: 'A team of master trainers (members) that runs camps' })
@Entity('trainer_team')
export class TrainerTeam extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Field()
  @Column()
  name!: string;

  @Field(() => [ID], { description: 'Members who are this team’s trainers' })
  @Column({ name: 'trainer_ids', type: 'uuid', array: true, default: () => "'{}'" })
  trainerIds!: string[];
}
