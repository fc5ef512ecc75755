import { IdsFilter, PageType, SortInputType } from '@sangathan/common';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { SocialAccount, SocialPlatform } from './social-account.entity';

@InputType({ description: 'Give exactly one of ownerMemberId and ownerTeamId' })
export class SocialAccountInput {
  @Field(() => SocialPlatform)
  platform!: SocialPlatform;

  @Field({ description: 'Checked against the platform’s rules; a leading "@" is dropped where the platform does not write one' })
  handle!: string;

  @Field(() => String, { nullable: true, description: 'http(s); derived from the platform and handle when not given' })
  url?: string;

  @Field(() => Int, { nullable: true, description: 'Defaults to 0' })
  followers?: number;

  @Field(() => Boolean, { nullable: true, description: 'Defaults to false' })
  verified?: boolean;

  @Field(() => ID, { nullable: true, description: 'A member (from membership) who owns the account' })
  ownerMemberId?: string;

  @Field(() => ID, { nullable: true, description: 'A social-media team that owns the account' })
  ownerTeamId?: string;
}

@InputType({ description: 'To hand the account to another owner, give exactly one of ownerMemberId and ownerTeamId' })
export class SocialAccountUpdateInput {
  @Field(() => SocialPlatform, { nullable: true })
  platform?: SocialPlatform;

  @Field({ nullable: true })
  handle?: string;

  @Field(() => String, { nullable: true, description: 'An empty string goes back to the address derived from the handle' })
  url?: string;

  @Field(() => Int, { nullable: true })
  followers?: number;

  @Field(() => Boolean, { nullable: true })
  verified?: boolean;

  @Field(() => ID, { nullable: true })
  ownerMemberId?: string;

  @Field(() => ID, { nullable: true })
  ownerTeamId?: string;
}

@InputType()
export class SocialAccountFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Handle or address' })
  q?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => [SocialPlatform], { nullable: true })
  platforms?: SocialPlatform[];

  @Field(() => ID, { nullable: true })
  ownerMemberId?: string;

  @Field(() => ID, { nullable: true })
  ownerTeamId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Accounts of the teams of this unit and every unit below it (member-owned accounts belong to no unit here)',
  })
  withinUnit?: string;

  @Field(() => Boolean, { nullable: true, description: 'true: owned by a team; false: owned by a member' })
  teamOwned?: boolean;

  @Field(() => Boolean, { nullable: true })
  verified?: boolean;

  @Field(() => Int, { nullable: true, description: 'At least this many followers' })
  minFollowers?: number;
}

export enum SocialAccountSortField {
  handle = 'handle',
  platform = 'platform',
  followers = 'followers',
  createdAt = 'createdAt',
}

@InputType()
export class SocialAccountSort extends SortInputType(SocialAccountSortField, 'SocialAccountSortField') {}

@ObjectType()
export class SocialAccountPage extends PageType(SocialAccount) {}
