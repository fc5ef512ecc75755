import { BaseRecord } from '@sangathan/common';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity } from 'typeorm';

export enum SocialPlatform {
  FACEBOOK = 'FACEBOOK',
  X = 'X',
  INSTAGRAM = 'INSTAGRAM',
  YOUTUBE = 'YOUTUBE',
  WHATSAPP = 'WHATSAPP',
  TELEGRAM = 'TELEGRAM',
  SHARECHAT = 'SHARECHAT',
  OTHER = 'OTHER',
}
registerEnumType(SocialPlatform, { name: 'SocialPlatform' });

@ObjectType({ description: 'A handle on a social-media platform, owned by a member or by a team (exactly one of them)' })
@Entity('social_account')
export class SocialAccount extends BaseRecord {
  @Field(() => ID, { description: 'The owner’s organisation' })
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field(() => SocialPlatform)
  @Column({ type: 'text' })
  platform!: SocialPlatform;

  @Field({
    description:
      'As the platform writes it: X, Instagram and Telegram without "@", YouTube "@handle" or a channel id, WhatsApp an E.164 number',
  })
  @Column({ type: 'text' })
  handle!: string;

  @Field(() => String, { nullable: true, description: 'http(s) address of the profile; derived from the handle unless given' })
  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Field(() => Int)
  @Column({ type: 'integer', default: 0 })
  followers!: number;

  @Field({ description: 'The platform marks the account as verified' })
  @Column({ type: 'boolean', default: false })
  verified!: boolean;

  @Field(() => ID, { nullable: true, description: 'Set when a member owns the account' })
  @Column({ name: 'owner_member_id', type: 'uuid', nullable: true })
  ownerMemberId!: string | null;

  @Field(() => ID, { nullable: true, description: 'Set when a social-media team owns the account' })
  @Column({ name: 'owner_team_id', type: 'uuid', nullable: true })
  ownerTeamId!: string | null;
}
