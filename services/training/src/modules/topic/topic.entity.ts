import { BaseRecord } from '@sangathan/common';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

@ObjectType({ description: 'A subject taught in a campaign’s camps, e.g. booth management' })
@Entity('topic')
export class Topic extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'campaign_id', type: 'uuid' })
  campaignId!: string;

  @Field()
  @Column()
  title!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Field(() => Int, { nullable: true, description: 'Length of the session' })
  @Column({ type: 'int', nullable: true })
  minutes!: number | null;
}
