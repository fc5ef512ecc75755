import { DateScalar, UnitRecord } from '@sangathan/common';
import { Directive, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum CampaignStatus {
  DRAFT = 'DRAFT',
  ACTIVE = 'ACTIVE',
  COMPLETED = 'COMPLETED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(CampaignStatus, { name: 'CampaignStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A multi-phase training campaign run by an owner unit (e.g. a state’s training task force)' })
@Entity('training_campaign')
export class TrainingCampaign extends UnitRecord {
  @Field()
  @Column()
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  description!: string | null;

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

  @Field(() => CampaignStatus)
  @Column({ type: 'text', default: CampaignStatus.DRAFT })
  status!: CampaignStatus;
}
