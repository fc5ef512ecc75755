import { usePermissions } from 'react-admin';
import { canSeePersonalData } from './permissions';
import type { Role } from './session';

/** The signed-in account's role (react-admin's permissions); undefined while it is read. */
export function useRole(): Role | undefined {
  return usePermissions<Role | null>().permissions ?? undefined;
}

/** Whether phones, emails and birth dates are shown (and asked for): editors and above. */
export function usePersonalData(): boolean {
  return canSeePersonalData(useRole());
}
