import { IdsFilter, PageType, SortInputType, type Role } from '@sangathan/common';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Account, AccountRole } from './account.entity';

@InputType()
export class AccountInput {
  @Field()
  email!: string;

  @Field()
  displayName!: string;

  @Field({ description: 'At least 10 characters and not a common password' })
  password!: string;

  @Field(() => AccountRole)
  role!: Role;

  @Field(() => ID, { nullable: true, description: 'Required for every role but SUPERADMIN' })
  scopeUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  memberId?: string | null;
}

@InputType()
export class AccountUpdateInput {
  @Field({ nullable: true })
  email?: string;

  @Field({ nullable: true })
  displayName?: string;

  @Field(() => AccountRole, { nullable: true })
  role?: Role;

  @Field(() => ID, { nullable: true })
  scopeUnitId?: string | null;

  @Field(() => ID, { nullable: true })
  memberId?: string | null;

  @Field({ nullable: true, description: 'false ends every session of the account at once' })
  active?: boolean;
}

@InputType()
export class AccountFilter extends IdsFilter {
  @Field({ nullable: true, description: 'Searches email and display name' })
  q?: string;

  @Field(() => AccountRole, { nullable: true })
  role?: Role;

  @Field({ nullable: true })
  active?: boolean;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Accounts whose scope unit lies in this subtree' })
  withinUnit?: string;
}

export enum AccountSortField {
  email = 'email',
  displayName = 'displayName',
  role = 'role',
  lastLoginAt = 'lastLoginAt',
  createdAt = 'createdAt',
  updatedAt = 'updatedAt',
}

@InputType()
export class AccountSort extends SortInputType(AccountSortField, 'AccountSortField') {}

@ObjectType()
export class AccountPage extends PageType(Account) {}

@ObjectType({ description: 'A signed-in session: the access token to send as `Authorization: Bearer …` until expiresAt' })
export class AuthSession {
  @Field()
  accessToken!: string;

  @Field()
  expiresAt!: Date;

  @Field(() => Account)
  account!: Account;
}
