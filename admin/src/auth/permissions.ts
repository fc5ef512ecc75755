import type { Role } from './session';

const RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3, SUPERADMIN: 4 };

/** Whether `role` is at least `minimum` (an ADMIN is also an EDITOR and a VIEWER). */
export function roleAtLeast(role: Role | null | undefined, minimum: Role): boolean {
  return !!role && RANK[role] >= RANK[minimum];
}

/**
 * The least role that may do each thing with a resource; null: nobody through the console (the API
 * has no such operation). What is not said: reading needs VIEWER, every change EDITOR.
 */
export interface ResourceAccess {
  read?: Role;
  create?: Role | null;
  edit?: Role | null;
  delete?: Role | null;
}

/** Only admins see and change it (accounts, partner tokens). */
export const ADMINS_ONLY: ResourceAccess = { read: 'ADMIN', create: 'ADMIN', edit: 'ADMIN', delete: 'ADMIN' };

/** Everyone reads it; admins change it (units, organisation settings). */
export const ADMINS_CHANGE: ResourceAccess = { create: 'ADMIN', edit: 'ADMIN', delete: 'ADMIN' };

/**
 * The console's answer to react-admin's canAccess: which buttons, menu entries and routes a role gets.
 * The server stays the judge (it answers FORBIDDEN, shown as a notification); this only keeps the
 * console from offering what would be refused.
 */
export function canAccess(role: Role | null | undefined, access: ResourceAccess | undefined, action: string): boolean {
  const rules = access ?? {};
  const read = rules.read ?? 'VIEWER';
  if (!roleAtLeast(role, read)) return false;
  switch (action) {
    case 'list':
    case 'show':
    case 'export':
    case 'read':
      return true;
    case 'create':
    case 'clone': {
      const needed = rules.create === undefined ? 'EDITOR' : rules.create;
      return needed !== null && roleAtLeast(role, needed);
    }
    case 'delete': {
      const needed = rules.delete === undefined ? 'EDITOR' : rules.delete;
      return needed !== null && roleAtLeast(role, needed);
    }
    default: {
      const needed = rules.edit === undefined ? 'EDITOR' : rules.edit;
      return needed !== null && roleAtLeast(role, needed);
    }
  }
}

/** The audit log (a record's history, the audit log page): admins and superadmins, as the API's `audit:read`. */
export const canReadAudit = (role: Role | null | undefined) => roleAtLeast(role, 'ADMIN');

/** Phones, emails and birth dates: viewers neither see nor ask for them (the server would answer FORBIDDEN). */
export const canSeePersonalData = (role: Role | null | undefined) => roleAtLeast(role, 'EDITOR');

/** The fields the server keeps from a viewer, by GraphQL type; the data provider leaves them out of every query. */
export const PERSONAL_FIELDS: Record<string, string[]> = { Member: ['phone', 'email', 'dateOfBirth'] };
