import {
  cleanText,
  EMAIL_PATTERN,
  escapeLike,
  FieldErrors,
  isUniqueViolation,
  RecordService,
  roleAtLeast,
  ROLES,
  type Role,
  type ScopeSql,
} from '@sangathan/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps, MembershipServices } from '../../context';
import { scopeUnitInScope, unitWithin } from '../org-unit/org-unit.service';
import { Account } from './account.entity';
import type { AccountFilter, AccountInput, AccountUpdateInput } from './account.types';
import { hashPassword, passwordMatches, passwordProblem } from './password';
import { endSessions } from './session.service';

/**
 * Accounts, managed by admins within their own scope: an admin sees and manages only accounts whose
 * scope unit lies in their subtree, and gives no one a role above their own or a scope outside theirs.
 */
export class AccountService extends RecordService<Account, AccountFilter> {
  protected readonly defaultSort = 'email';
  private readonly services: MembershipServices;

  constructor(private readonly deps: MembershipDeps) {
    super(deps, Account, 'Account');
    this.services = deps.services;
  }

  protected scopeSql(alias: string): ScopeSql {
    return scopeUnitInScope(alias);
  }

  /** The caller's role; another service counts as a superadmin. */
  private get callerRole(): Role | null {
    const identity = this.deps.identity;
    return identity?.kind === 'service' ? 'SUPERADMIN' : (identity?.role ?? null);
  }

  query(filter: AccountFilter = {}): SelectQueryBuilder<Account> {
    const query = this.createQuery('a', filter, ['organizationId', 'withinUnit']);
    const q = filter.q?.trim();
    if (q) query.andWhere('(a.email ILIKE :q OR a.displayName ILIKE :q)', { q: `%${escapeLike(q)}%` });
    if (filter.role) query.andWhere('a.role = :role', { role: filter.role });
    if (filter.active !== undefined && filter.active !== null) query.andWhere('a.active = :active', { active: filter.active });
    if (filter.organizationId) query.andWhere('a.organizationId = :organizationId', { organizationId: filter.organizationId });
    if (filter.withinUnit) query.andWhere(unitWithin('a.scope_unit_id', 'withinUnit'), { withinUnit: filter.withinUnit });
    return query;
  }

  async create(input: AccountInput): Promise<Account> {
    const errors = new FieldErrors();
    const email = this.checkEmail(errors, input.email);
    const displayName = cleanText(errors, 'displayName', input.displayName, true);
    const problem = passwordProblem(input.password ?? '', email);
    if (problem) errors.add('password', problem);
    this.checkRole(errors, input.role);
    const scope = await this.checkScopeUnit(errors, input.role, input.scopeUnitId ?? null);
    await this.checkMember(errors, input.memberId ?? null, scope?.organizationId ?? null);
    errors.throwIfAny();
    const passwordHash = await hashPassword(input.password);
    return this.dataSource.transaction(async (manager) => {
      await this.checkEmailFree(manager, errors, email!);
      errors.throwIfAny();
      return manager.save(
        manager.create(Account, {
          email: email!,
          displayName: displayName!,
          role: input.role,
          scopeUnitId: scope?.id ?? null,
          organizationId: scope?.organizationId ?? null,
          memberId: input.memberId ?? null,
          passwordHash,
          passwordChangedAt: new Date(),
          active: true,
        }),
      );
    });
  }

  async updateRecord(id: string, input: AccountUpdateInput, expectedVersion?: number): Promise<Account> {
    return this.update(id, expectedVersion, async (account, manager) => {
      const errors = new FieldErrors();
      this.checkTarget(errors, account);
      const role = input.role ?? account.role;
      if (input.role) this.checkRole(errors, input.role);
      if (input.email !== undefined && input.email !== null) {
        const email = this.checkEmail(errors, input.email);
        if (email && email !== account.email.toLowerCase()) await this.checkEmailFree(manager, errors, email, id);
        if (email) account.email = email;
      }
      if (input.displayName !== undefined)
        account.displayName = cleanText(errors, 'displayName', input.displayName, true) ?? account.displayName;
      const scopeUnitId = input.scopeUnitId === undefined ? account.scopeUnitId : input.scopeUnitId;
      const scope = await this.checkScopeUnit(errors, role, scopeUnitId);
      if (input.memberId !== undefined) await this.checkMember(errors, input.memberId, scope?.organizationId ?? null);
      const self = this.deps.identity?.kind === 'account' && this.deps.identity.subject === id;
      if (self && input.active === false) errors.add('active', 'you cannot deactivate your own account');
      if (self && input.role && input.role !== account.role) errors.add('role', 'you cannot change your own role');
      errors.throwIfAny();
      const accessChanged =
        role !== account.role || (scope?.id ?? null) !== account.scopeUnitId || (input.active === false && account.active);
      account.role = role;
      account.scopeUnitId = scope?.id ?? null;
      account.organizationId = scope?.organizationId ?? null;
      if (input.memberId !== undefined) account.memberId = input.memberId;
      if (input.active !== undefined && input.active !== null) account.active = input.active;
      // Access tokens carry role and scope: end the sessions so no token outlives the change.
      if (accessChanged) await endSessions(manager, [id]);
    });
  }

  /** Sets a new password chosen by an admin; every session of the account ends. */
  async resetPassword(id: string, newPassword: string): Promise<Account> {
    return this.update(id, undefined, async (account, manager) => {
      const errors = new FieldErrors();
      this.checkTarget(errors, account);
      const problem = passwordProblem(newPassword ?? '', account.email);
      if (problem) errors.add('newPassword', problem);
      errors.throwIfAny();
      account.passwordHash = await hashPassword(newPassword);
      account.passwordChangedAt = new Date();
      await endSessions(manager, [id]);
    });
  }

  protected override async deleteBlockers(records: Account[], manager: EntityManager): Promise<Map<string, string>> {
    const blockers = new Map<string, string>();
    for (const account of records) {
      const errors = new FieldErrors();
      this.checkTarget(errors, account);
      if (this.deps.identity?.subject === account.id) blockers.set(account.id, 'you cannot delete your own account');
      else if (!errors.empty) blockers.set(account.id, `only a ${account.role.toLowerCase()} or above may delete this account`);
    }
    if (!blockers.size)
      await endSessions(
        manager,
        records.map((account) => account.id),
      );
    return blockers;
  }

  /** An admin may change only accounts whose role is not above their own. */
  private checkTarget(errors: FieldErrors, account: Account): void {
    if (!roleAtLeast(this.callerRole, account.role))
      errors.forbid('id', `only a ${account.role.toLowerCase()} or above may change this account`);
  }

  private checkRole(errors: FieldErrors, role: Role): void {
    if (!ROLES.includes(role)) errors.add('role', `must be one of ${ROLES.join(', ')}`);
    else if (!roleAtLeast(this.callerRole, role)) errors.forbid('role', 'cannot be above your own role');
  }

  private checkEmail(errors: FieldErrors, value: string | undefined): string | undefined {
    const email = value?.trim().toLowerCase();
    if (!email) errors.add('email', 'must not be empty');
    else if (!EMAIL_PATTERN.test(email)) errors.add('email', `"${value}" is not a valid email address`);
    else return email;
    return undefined;
  }

  private async checkEmailFree(manager: EntityManager, errors: FieldErrors, email: string, exceptId?: string): Promise<void> {
    const taken = await manager
      .createQueryBuilder(Account, 'a')
      .where('lower(a.email) = :email', { email })
      .andWhere(exceptId ? 'a.id <> :exceptId' : 'TRUE', { exceptId })
      .getCount();
    if (taken) errors.add('email', 'another account already uses this email');
  }

  /** The scope unit, which must lie within the caller's scope; every role but SUPERADMIN needs one. */
  private async checkScopeUnit(errors: FieldErrors, role: Role, unitId: string | null) {
    if (!unitId) {
      if (role !== 'SUPERADMIN') errors.add('scopeUnitId', 'every role but SUPERADMIN needs a scope unit');
      return null;
    }
    return this.services.orgUnits.findReference(errors, 'scopeUnitId', unitId);
  }

  private async checkMember(errors: FieldErrors, memberId: string | null, organizationId: string | null): Promise<void> {
    if (!memberId) return;
    const member = await this.services.members.findReference(errors, 'memberId', memberId);
    if (member && organizationId && member.organizationId !== organizationId) errors.add('memberId', 'belongs to another organisation');
  }

  /** Creates or updates an account directly, without a caller (first superadmin, demo accounts). */
  static async upsertForSeed(
    manager: EntityManager,
    values: Pick<Account, 'email' | 'displayName' | 'role' | 'scopeUnitId' | 'organizationId'> & { password: string },
  ): Promise<{ created: boolean; passwordChanged: boolean }> {
    const existing = await manager
      .createQueryBuilder(Account, 'a')
      .where('lower(a.email) = lower(:email)', { email: values.email })
      .getOne();
    const { password, ...rest } = values;
    if (!existing) {
      try {
        await manager.save(
          manager.create(Account, { ...rest, passwordHash: await hashPassword(password), passwordChangedAt: new Date(), active: true }),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      return { created: true, passwordChanged: false };
    }
    if (await passwordMatches(existing.passwordHash, password)) return { created: false, passwordChanged: false };
    await manager.update(Account, existing.id, { passwordHash: await hashPassword(password), passwordChangedAt: new Date() });
    await endSessions(manager, [existing.id]);
    return { created: false, passwordChanged: true };
  }
}
