import { useGetIdentity, usePermissions } from 'react-admin';
import type { SangathanIdentity } from './authProvider';
import { canReadAudit, canSeePersonalData } from './permissions';
import type { Role } from './session';

/** The signed-in account's role (react-admin's permissions); undefined while it is read. */
export function useRole(): Role | undefined {
  return usePermissions<Role | null>().permissions ?? undefined;
}

/** Whether phones, emails and birth dates are shown (and asked for): editors and above. */
export function usePersonalData(): boolean {
  return canSeePersonalData(useRole());
}

/** Whether the account may read the audit log: admins and above (others are not offered it at all). */
export function useMayReadAudit(): boolean {
  return canReadAudit(useRole());
}

/**
 * Where the units the account sees begin: its scope unit, or every root unit (a superadmin). The dashboard and
 * the unit tree start there; `isRoot` alone would find nothing for an account scoped below the top. Undefined
 * until the identity is read.
 */
export function useTopUnitsFilter(): Record<string, unknown> | undefined {
  const { identity } = useGetIdentity();
  if (!identity) return undefined;
  const { scopeUnitId } = identity as SangathanIdentity;
  return scopeUnitId ? { ids: [scopeUnitId] } : { isRoot: true };
}

/** The organisation of the signed-in account; null for a superadmin (every organisation). Undefined until read. */
export function useAccountOrganizationId(): string | null | undefined {
  const { identity } = useGetIdentity();
  return identity ? (identity as SangathanIdentity).organizationId : undefined;
}
