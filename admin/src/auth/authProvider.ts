import type { AuthProvider, UserIdentity } from 'react-admin';
import type { Connection } from './connection';
import { canAccess, type ResourceAccess } from './permissions';
import type { Account, Session } from './session';

export interface SangathanIdentity extends UserIdentity {
  email: string;
  role: Account['role'];
  scopeUnitName: string | null;
  scopeUnitLevel: string | null;
  organizationId: string | null;
  scopeUnitId: string | null;
}

const isUnauthenticated = (error: any) =>
  error?.status === 401 ||
  error?.body?.code === 'UNAUTHENTICATED' ||
  error?.graphQLErrors?.some?.((graphQLError: any) => graphQLError?.extensions?.code === 'UNAUTHENTICATED');

/**
 * react-admin's auth provider over the session: sign-in builds the signed-in account's data provider
 * before the console shows anything; a 401 from any request (the session ended and could not be
 * renewed) signs out; permissions are the role, and canAccess decides, per resource and action, which
 * menu entries, buttons and pages the role gets (`access` of each resource).
 */
export function buildAuthProvider(
  session: Session,
  connection: Connection,
  access: Record<string, ResourceAccess | undefined>,
): AuthProvider {
  return {
    async login({ email, password }: { email: string; password: string }) {
      const account = await session.login(String(email ?? '').trim(), String(password ?? ''));
      await connection.ready(account);
    },
    async logout() {
      await session.logout();
      connection.reset();
    },
    async checkAuth() {
      const account = session.account ?? (await session.restore());
      // No notification on the way to the login page: not being signed in yet is no error.
      if (!account) throw { message: false };
      await connection.ready(account);
    },
    async checkError(error) {
      if (isUnauthenticated(error)) {
        throw { message: 'sangathan.auth.sessionEnded' };
      }
      // FORBIDDEN and the rest: the caller shows the server's message; the user stays signed in.
    },
    async getIdentity(): Promise<SangathanIdentity> {
      const account = session.account ?? (await session.restore());
      if (!account) throw new Error('not signed in');
      return {
        id: account.id,
        fullName: account.displayName,
        email: account.email,
        role: account.role,
        organizationId: account.organizationId,
        scopeUnitId: account.scopeUnitId,
        scopeUnitName: account.scopeUnit?.name ?? null,
        scopeUnitLevel: account.scopeUnit?.level ?? null,
      };
    },
    // Both may be asked before checkAuth has restored the session on page load: they wait for it.
    async getPermissions() {
      return (session.account ?? (await session.restore()))?.role ?? null;
    },
    async canAccess({ resource, action }) {
      return canAccess((session.account ?? (await session.restore()))?.role, access[resource], action);
    },
  };
}
