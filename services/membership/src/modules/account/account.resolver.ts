import { CrudResolver } from '@sangathan/common';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { MembershipContext } from '../../context';
import { Member } from '../member/member.entity';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { Account } from './account.entity';
import { AccountFilter, AccountInput, AccountPage, AccountSort, AccountUpdateInput, AuthSession } from './account.types';

@Resolver(() => Account)
export class AccountResolver extends CrudResolver({
  name: 'account',
  plural: 'accounts',
  entity: Account,
  input: AccountInput,
  updateInput: AccountUpdateInput,
  filter: AccountFilter,
  sort: AccountSort,
  page: AccountPage,
}) {
  @Mutation(() => Account, { description: "Sets a new password for someone else's account; all its sessions end" })
  resetAccountPassword(@Arg('id', () => ID) id: string, @Arg('newPassword') newPassword: string, @Ctx() context: MembershipContext) {
    return context.services.accounts.resetPassword(id, newPassword);
  }

  @FieldResolver(() => OrgUnit, { nullable: true })
  scopeUnit(@Root() account: Account, @Ctx() context: MembershipContext) {
    return account.scopeUnitId ? context.services.orgUnits.get(account.scopeUnitId) : null;
  }

  @FieldResolver(() => Member, { nullable: true })
  member(@Root() account: Account, @Ctx() context: MembershipContext) {
    return account.memberId ? context.services.members.get(account.memberId) : null;
  }
}

/** Signing in and out, for everyone: the only operations (with refreshToken) that need no access token. */
@Resolver()
export class SessionResolver {
  @Mutation(() => AuthSession, {
    description: 'Also sets the httpOnly refresh cookie. A wrong email and a wrong password get the same answer; failures are throttled',
  })
  login(@Arg('email') email: string, @Arg('password') password: string, @Ctx() context: MembershipContext) {
    return context.services.sessions.login(email, password);
  }

  @Mutation(() => AuthSession, { description: 'A new access token from the refresh cookie, which is rotated' })
  refreshToken(@Ctx() context: MembershipContext) {
    return context.services.sessions.refresh();
  }

  @Mutation(() => Boolean, { description: 'Ends this session; its access token stops working' })
  logout(@Ctx() context: MembershipContext) {
    return context.services.sessions.logout();
  }

  @Mutation(() => Boolean, { description: 'Other sessions of the account end' })
  changePassword(
    @Arg('currentPassword') currentPassword: string,
    @Arg('newPassword') newPassword: string,
    @Ctx() context: MembershipContext,
  ) {
    return context.services.sessions.changePassword(currentPassword, newPassword);
  }

  @Query(() => Account, { nullable: true, description: 'The signed-in account; null for a partner token' })
  me(@Ctx() context: MembershipContext) {
    return context.services.sessions.me();
  }
}
