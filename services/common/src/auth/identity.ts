/** Console roles, highest first. */
export const ROLES = ['SUPERADMIN', 'ADMIN', 'EDITOR', 'VIEWER'] as const;
export type Role = (typeof ROLES)[number];

const ROLE_RANK: Record<Role, number> = { VIEWER: 1, EDITOR: 2, ADMIN: 3, SUPERADMIN: 4 };

/** Whether `role` is at least `minimum` (an ADMIN is also an EDITOR and a VIEWER). */
export function roleAtLeast(role: Role | null | undefined, minimum: Role): boolean {
  return role ? ROLE_RANK[role] >= ROLE_RANK[minimum] : false;
}

/**
 * What an identity may do. Partner tokens carry a chosen subset of PARTNER_SCOPES; accounts get theirs
 * from their role (ROLE_SCOPES); a service calling another service gets all.
 */
export const SCOPES = [
  'members:read',
  'pii:read',
  'itcell:read',
  'training:read',
  'members:write',
  'itcell:write',
  'training:write',
  'accounts:manage',
  'organizations:manage',
  'audit:read',
] as const;
export type Scope = (typeof SCOPES)[number];

/** What an admin may give a partner app: read access only. */
export const PARTNER_SCOPES = ['members:read', 'pii:read', 'itcell:read', 'training:read'] as const satisfies readonly Scope[];
export type PartnerScope = (typeof PARTNER_SCOPES)[number];

const READ: Scope[] = ['members:read', 'itcell:read', 'training:read'];
const WRITE: Scope[] = ['members:write', 'itcell:write', 'training:write'];

/**
 * Viewers read without personal details; editors, who contact and enrol people, see phones, emails
 * and birth dates and write records; admins also manage accounts, units and organisation settings.
 */
export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  VIEWER: READ,
  EDITOR: [...READ, 'pii:read', ...WRITE],
  ADMIN: [...READ, 'pii:read', ...WRITE, 'accounts:manage', 'organizations:manage', 'audit:read'],
  SUPERADMIN: SCOPES,
};

export type IdentityKind = 'account' | 'partner' | 'service';

/** Who is asking, as every service sees it once the credentials are verified. */
export interface Identity {
  kind: IdentityKind;
  /** Account id, partner token id, or the calling service's name. */
  subject: string;
  /** Accounts only. */
  role: Role | null;
  /** The organisation the identity belongs to; null: every organisation (superadmin, services). */
  organizationId: string | null;
  /** The unit whose subtree the identity may see; null: the whole organisation (or everything). */
  scopeUnitId: string | null;
  scopes: ReadonlySet<Scope>;
  /** The login session an access token belongs to (accounts). */
  sessionId: string | null;
  /** The account's or partner token's display name, for audit entries; null when the credentials do not say. */
  name: string | null;
}

export function hasScope(identity: Identity | null | undefined, scope: Scope): boolean {
  return Boolean(identity?.scopes.has(scope));
}

export function accountIdentity(account: {
  id: string;
  role: Role;
  organizationId: string | null;
  scopeUnitId: string | null;
  sessionId: string | null;
  name?: string | null;
}): Identity {
  return {
    kind: 'account',
    subject: account.id,
    role: account.role,
    organizationId: account.organizationId,
    scopeUnitId: account.scopeUnitId,
    scopes: new Set(ROLE_SCOPES[account.role]),
    sessionId: account.sessionId,
    name: account.name ?? null,
  };
}

export function partnerIdentity(token: {
  id: string;
  organizationId: string | null;
  scopeUnitId: string | null;
  scopes: readonly string[];
  name?: string | null;
}): Identity {
  return {
    kind: 'partner',
    subject: token.id,
    role: null,
    organizationId: token.organizationId,
    scopeUnitId: token.scopeUnitId,
    scopes: new Set(token.scopes.filter((scope): scope is PartnerScope => (PARTNER_SCOPES as readonly string[]).includes(scope))),
    sessionId: null,
    name: token.name ?? null,
  };
}

/** Another Sangathan service (a follower, a lookup): sees everything, for its own checks. */
export function serviceIdentity(service: string): Identity {
  return {
    kind: 'service',
    subject: service,
    role: null,
    organizationId: null,
    scopeUnitId: null,
    scopes: new Set(SCOPES),
    sessionId: null,
    name: service,
  };
}
