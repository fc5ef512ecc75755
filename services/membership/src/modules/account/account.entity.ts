import { BaseRecord, ROLES, type Role } from '@sangathan/common';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** The GraphQL enum of ROLES (an object, as type-graphql wants it). */
export const AccountRole = Object.fromEntries(ROLES.map((role) => [role, role])) as { [R in Role]: R };
registerEnumType(AccountRole, {
  name: 'Role',
  description:
    'VIEWER reads (no personal details); EDITOR also writes records; ADMIN also manages accounts, units and settings; SUPERADMIN everything',
});

/** Someone who signs in to the console or the API. The password hash never leaves this service. */
@ObjectType()
@Entity('account')
export class Account extends BaseRecord {
  @Field({ description: 'Unique, compared without case' })
  @Column()
  email!: string;

  @Field()
  @Column({ name: 'display_name' })
  displayName!: string;

  @Field(() => ID, { nullable: true, description: 'The member this account belongs to, when there is one' })
  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId!: string | null;

  @Field(() => AccountRole)
  @Column({ type: 'text' })
  role!: Role;

  @Field(() => ID, { nullable: true, description: "The scope unit's organisation; null for a superadmin without one" })
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The account sees this unit and everything below it; null: everything (superadmins)' })
  @Column({ name: 'scope_unit_id', type: 'uuid', nullable: true })
  scopeUnitId!: string | null;

  @Field({ description: 'A deactivated account cannot sign in and its sessions end at once' })
  @Column({ default: true })
  active!: boolean;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'last_login_at', type: 'timestamptz', precision: 3, nullable: true })
  lastLoginAt!: Date | null;

  @Column({ name: 'password_hash' })
  passwordHash!: string;

  @Column({ name: 'password_changed_at', type: 'timestamptz', precision: 3 })
  passwordChangedAt!: Date;
}

/** One sign-in: the refresh cookie's hashed secret, rotated on every use. */
@Entity('account_session')
export class AccountSession {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'account_id', type: 'uuid' })
  accountId!: string;

  @Column({ name: 'refresh_hash' })
  refreshHash!: string;

  /** The secret before the last rotation: accepted for a few seconds, for two tabs refreshing at once. */
  @Column({ name: 'previous_hash', type: 'text', nullable: true })
  previousHash!: string | null;

  @Column({ name: 'rotated_at', type: 'timestamptz', precision: 3, nullable: true })
  rotatedAt!: Date | null;

  @Column({ name: 'created_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', precision: 3, default: () => 'now()' })
  lastUsedAt!: Date;

  @Column({ name: 'expires_at', type: 'timestamptz', precision: 3 })
  expiresAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', precision: 3, nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'client_address', type: 'text', nullable: true })
  clientAddress!: string | null;
}

/** Failed sign-ins per email and per client address, for throttling. */
@Entity('login_failure')
export class LoginFailure {
  /** `email:<lower-case email>` or `address:<client address>`. */
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column()
  failures!: number;

  @Column({ name: 'first_at', type: 'timestamptz', precision: 3 })
  firstAt!: Date;

  @Column({ name: 'locked_until', type: 'timestamptz', precision: 3, nullable: true })
  lockedUntil!: Date | null;
}
