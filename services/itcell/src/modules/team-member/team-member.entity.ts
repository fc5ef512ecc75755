import { BaseRecord, DateScalar } from '@sangathan/common';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum TeamRole {
  CONVENOR = 'CONVENOR',
  CO_CONVENOR = 'CO_CONVENOR',
  APP_IN_CHARGE = 'APP_IN_CHARGE',
  MEMBER = 'MEMBER',
  CYBER_WARRIOR = 'CYBER_WARRIOR',
}
registerEnumType(TeamRole, { name: 'TeamRole', description: 'CYBER_WARRIOR: a booth-level social-media volunteer' });

@ObjectType({ description: 'A member’s role in a social-media team for a period' })
@Entity('team_member')
export class TeamMember extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'team_id', type: 'uuid' })
  teamId!: string;

  @Field(() => ID)
  @Column({ name: 'member_id', type: 'uuid' })
  memberId!: string;

  @Field(() => TeamRole)
  @Column({ type: 'text' })
  role!: TeamRole;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  since!: string;

  @Field(() => DateScalar, { nullable: true, description: 'Set when the role ends' })
  @Column({ type: 'date', nullable: true })
  until!: string | null;
}
