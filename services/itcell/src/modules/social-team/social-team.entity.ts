import { DateScalar, UnitRecord } from '@sangathan/common';
import { Directive, Field, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum TeamStatus {
  ACTIVE = 'ACTIVE',
  DORMANT = 'DORMANT',
  DISSOLVED = 'DISSOLVED',
}
registerEnumType(TeamStatus, { name: 'TeamStatus' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'The IT / social-media team of one unit; at most one active team per unit' })
@Entity('social_team')
export class SocialTeam extends UnitRecord {
  @Field()
  @Column()
  name!: string;

  @Field(() => DateScalar)
  @Column({ name: 'formed_on', type: 'date' })
  formedOn!: string;

  @Field(() => TeamStatus)
  @Column({ type: 'text', default: TeamStatus.ACTIVE })
  status!: TeamStatus;
}
