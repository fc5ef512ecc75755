import { CrudResolver } from '@sangathan/common';
import { memberRef, MemberRef } from '../federation/references';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ItcellContext } from '../../context';
import { SocialTeam } from '../social-team/social-team.entity';
import { SocialAccount } from './social-account.entity';
import {
  SocialAccountFilter,
  SocialAccountInput,
  SocialAccountPage,
  SocialAccountSort,
  SocialAccountUpdateInput,
} from './social-account.types';

@Resolver(() => SocialAccount)
export class SocialAccountResolver extends CrudResolver({
  name: 'socialAccount',
  plural: 'socialAccounts',
  entity: SocialAccount,
  input: SocialAccountInput,
  updateInput: SocialAccountUpdateInput,
  filter: SocialAccountFilter,
  sort: SocialAccountSort,
  page: SocialAccountPage,
}) {
  @FieldResolver(() => MemberRef, { nullable: true, description: 'The owner when a member owns the account' })
  ownerMember(@Root() account: SocialAccount) {
    return account.ownerMemberId ? memberRef(account.ownerMemberId) : null;
  }

  @FieldResolver(() => SocialTeam, { nullable: true, description: 'The owner when a team owns the account' })
  ownerTeam(@Root() account: SocialAccount, @Ctx() { services }: ItcellContext) {
    return account.ownerTeamId ? services.socialTeams.loader.load(account.ownerTeamId) : null;
  }
}
