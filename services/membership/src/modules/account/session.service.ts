import { FieldErrors, isUuid, tooManyRequests, unauthenticated, type TokenIssuing } from '@sangathan/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { MembershipDeps } from '../../context';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { Account, AccountSession, SIGNED_IN_SCOPE_UNIT } from './account.entity';
import type { AuthSession } from './account.types';
import { dummyHash, hashPassword, newSecret, passwordMatches, passwordProblem, sameHash, secretHash } from './password';

/** The refresh cookie: `<session id>.<secret>`, httpOnly, SameSite=Strict, sent only to /graphql. */
export const REFRESH_COOKIE = 'sangathan_refresh';
const COOKIE_PATH = '/graphql';
/** Failed sign-ins: an email is locked after 5 in 15 minutes, a client address after 30. */
const FAILURE_WINDOW = '15 minutes';
const EMAIL_FAILURE_LIMIT = 5;
const ADDRESS_FAILURE_LIMIT = 30;
const LOCK_MINUTES = 15;
/** Two tabs refreshing at once both present the same cookie: the one rotated away stays good this long. */
const ROTATION_GRACE_MS = 10_000;
const WRONG_CREDENTIALS = 'wrong email or password';

/** Sessions whose account is live and active, not ended and not expired. */
export async function activeSessionIds(dataSource: DataSource, ids: string[]): Promise<Set<string>> {
  const valid = ids.filter(isUuid);
  if (!valid.length) return new Set();
  const rows: { id: string }[] = await dataSource.query(
    `SELECT s.id FROM account_session s JOIN account a ON a.id = s.account_id
      WHERE s.id = ANY($1) AND s.ended_at IS NULL AND s.expires_at > now() AND a.active AND a.deleted_at IS NULL`,
    [valid],
  );
  return new Set(rows.map((row) => row.id));
}

/** Ends every open session of the accounts (deactivation, a new password, a changed role or scope). */
export async function endSessions(manager: EntityManager, accountIds: string[], except?: string): Promise<void> {
  await manager.query(
    `UPDATE account_session SET ended_at = now() WHERE account_id = ANY($1) AND ended_at IS NULL AND ($2::uuid IS NULL OR id <> $2)`,
    [accountIds, except ?? null],
  );
}

/** Sign-in, token renewal, sign-out and password change for the caller's own account. */
export class SessionService {
  constructor(private readonly deps: MembershipDeps) {}

  private get dataSource() {
    return this.deps.dataSource;
  }

  private get issuing(): TokenIssuing {
    if (!this.deps.issuing) throw new Error('this process does not sign access tokens');
    return this.deps.issuing;
  }

  /** Same answer, in about the same time, for an unknown email, a wrong password and a deactivated account. */
  async login(email: string, password: string): Promise<AuthSession> {
    const emailKey = `email:${email.trim().toLowerCase()}`;
    const addressKey = `address:${this.deps.request.clientAddress}`;
    await this.refuseWhileLocked([emailKey, addressKey]);
    const account = await this.dataSource
      .getRepository(Account)
      .createQueryBuilder('a')
      .where('lower(a.email) = lower(:email)', { email: email.trim() })
      .getOne();
    const matches = await passwordMatches(account?.passwordHash ?? (await dummyHash()), password);
    if (!account || !matches || !account.active) {
      await this.recordFailure(emailKey, EMAIL_FAILURE_LIMIT);
      await this.recordFailure(addressKey, ADDRESS_FAILURE_LIMIT);
      throw unauthenticated(WRONG_CREDENTIALS, 200);
    }
    await this.dataSource.query('DELETE FROM login_failure WHERE key = $1', [emailKey]);
    return this.dataSource.transaction(async (manager) => {
      await manager.update(Account, account.id, { lastLoginAt: new Date() });
      const { secret, hash } = newSecret();
      const session = await manager.save(
        manager.create(AccountSession, {
          accountId: account.id,
          refreshHash: hash,
          expiresAt: new Date(Date.now() + this.issuing.config.refreshTokenDays * 86_400_000),
          clientAddress: this.deps.request.clientAddress,
        }),
      );
      this.setRefreshCookie(`${session.id}.${secret}`);
      return this.signIn({ ...account, lastLoginAt: new Date() }, session.id);
    });
  }

  /** A new access token from the refresh cookie, which is rotated; a reused old cookie ends the session. */
  async refresh(): Promise<AuthSession> {
    const [sessionId, secret] = (this.deps.request.cookie(REFRESH_COOKIE) ?? '').split('.');
    if (!isUuid(sessionId) || !secret) throw unauthenticated('no session to renew: sign in', 200);
    // Refusals are decided inside the transaction but thrown after it, so ending a replayed session commits.
    const outcome = await this.dataSource.transaction(async (manager): Promise<AuthSession | 'ended'> => {
      const session = await manager.findOne(AccountSession, { where: { id: sessionId }, lock: { mode: 'pessimistic_write' } });
      if (!session || session.endedAt || session.expiresAt <= new Date()) return 'ended';
      const presented = secretHash(secret);
      const current = sameHash(presented, session.refreshHash);
      const recentlyRotated =
        session.previousHash &&
        sameHash(presented, session.previousHash) &&
        Date.now() - (session.rotatedAt?.getTime() ?? 0) < ROTATION_GRACE_MS;
      if (!current && !recentlyRotated) {
        // An old cookie came back: someone may hold a copy. End the session for everyone.
        await manager.update(AccountSession, session.id, { endedAt: new Date() });
        return 'ended';
      }
      const account = await manager.findOne(Account, { where: { id: session.accountId } });
      if (!account?.active) return 'ended';
      const next = newSecret();
      await manager.update(AccountSession, session.id, {
        refreshHash: next.hash,
        previousHash: current ? session.refreshHash : session.previousHash,
        rotatedAt: new Date(),
        lastUsedAt: new Date(),
      });
      this.setRefreshCookie(`${session.id}.${next.secret}`);
      return this.signIn(account, session.id);
    });
    if (outcome === 'ended') throw this.ended();
    return outcome;
  }

  /** Ends the caller's session: its access token stops working at once and the cookie is cleared. */
  async logout(): Promise<boolean> {
    const sessionId = this.deps.identity?.sessionId;
    if (sessionId)
      await this.dataSource.query('UPDATE account_session SET ended_at = now() WHERE id = $1 AND ended_at IS NULL', [sessionId]);
    this.clearRefreshCookie();
    return true;
  }

  /** Checks the current password (throttled like sign-in); other sessions of the account end. */
  async changePassword(currentPassword: string, newPassword: string): Promise<boolean> {
    const account = await this.me();
    if (!account) throw unauthenticated('sign in first', 200);
    const key = `email:${account.email.toLowerCase()}`;
    await this.refuseWhileLocked([key]);
    const errors = new FieldErrors();
    if (!(await passwordMatches(account.passwordHash, currentPassword))) {
      await this.recordFailure(key, EMAIL_FAILURE_LIMIT);
      errors.add('currentPassword', 'is not your current password');
    }
    const problem = passwordProblem(newPassword, account.email);
    if (problem) errors.add('newPassword', problem);
    errors.throwIfAny();
    await this.dataSource.transaction(async (manager) => {
      await manager.update(Account, account.id, { passwordHash: await hashPassword(newPassword), passwordChangedAt: new Date() });
      await endSessions(manager, [account.id], this.deps.identity?.sessionId ?? undefined);
    });
    return true;
  }

  /** The caller's account (null for a partner token). */
  async me(): Promise<Account | null> {
    const identity = this.deps.identity;
    if (identity?.kind !== 'account') return null;
    return this.dataSource.getRepository(Account).findOne({ where: { id: identity.subject } });
  }

  /**
   * The answer to a sign-in is read before the request has an identity: the account's own scope unit
   * is attached here (it always lies in the account's own scope), so `account.scopeUnit` is not null.
   */
  private async signIn(account: Account, sessionId: string): Promise<AuthSession> {
    if (account.scopeUnitId) {
      const unit = await this.dataSource.getRepository(OrgUnit).findOne({ where: { id: account.scopeUnitId } });
      Object.assign(account, { [SIGNED_IN_SCOPE_UNIT]: unit });
    }
    const { token, expiresAt } = await this.issuing.signer.sign({
      accountId: account.id,
      sessionId,
      role: account.role,
      organizationId: account.organizationId,
      scopeUnitId: account.scopeUnitId,
      name: account.displayName,
    });
    return { accessToken: token, expiresAt, account };
  }

  private ended() {
    this.clearRefreshCookie();
    return unauthenticated('the session has ended: sign in again', 200);
  }

  private clearRefreshCookie(): void {
    this.deps.request.setCookie(REFRESH_COOKIE, '', { httpOnly: true, sameSite: 'strict', path: COOKIE_PATH, maxAge: 0 });
  }

  private setRefreshCookie(value: string): void {
    this.deps.request.setCookie(REFRESH_COOKIE, value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.issuing.config.cookieSecure,
      path: COOKIE_PATH,
      maxAge: this.issuing.config.refreshTokenDays * 86_400,
    });
  }

  private async refuseWhileLocked(keys: string[]): Promise<void> {
    const [locked]: { seconds: number }[] = await this.dataSource.query(
      `SELECT ceil(extract(epoch FROM max(locked_until) - now()))::int AS seconds
         FROM login_failure WHERE key = ANY($1) AND locked_until > now() HAVING count(*) > 0`,
      [keys],
    );
    if (locked) {
      throw tooManyRequests(`too many failed sign-ins; try again in ${Math.ceil(locked.seconds / 60)} minute(s)`, locked.seconds);
    }
  }

  /** Counts a failure in the current window; reaching the limit locks the key for LOCK_MINUTES. */
  private async recordFailure(key: string, limit: number): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO login_failure AS f (key, failures, first_at) VALUES ($1, 1, now())
       ON CONFLICT (key) DO UPDATE SET
         failures = CASE WHEN f.first_at < now() - $2::interval THEN 1 ELSE f.failures + 1 END,
         first_at = CASE WHEN f.first_at < now() - $2::interval THEN now() ELSE f.first_at END`,
      [key, FAILURE_WINDOW],
    );
    await this.dataSource.query(
      `UPDATE login_failure SET locked_until = now() + $3::interval, failures = 0, first_at = now()
        WHERE key = $1 AND failures >= $2`,
      [key, limit, `${LOCK_MINUTES} minutes`],
    );
  }
}
