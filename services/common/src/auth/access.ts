import type { ApolloServerPlugin } from '@apollo/server';
import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { forbidden, unauthenticated } from '../errors';
import type { Actor } from '../request-context';
import { hasScope, roleAtLeast, type Identity, type Scope } from './identity';

/**
 * Who may run a root field. Every query is `read` and every mutation `write` unless its module says
 * otherwise, so a new operation is guarded without anyone remembering to.
 */
export type Access =
  /** Anyone, without credentials (login, refreshToken). */
  | 'public'
  /** Any verified account (me, logout, changePassword). */
  | 'account'
  /** The service's read scope (members:read, itcell:read, training:read). */
  | 'read'
  /** The service's write scope: editors and above. */
  | 'write'
  /** Accounts and partner tokens: admins. */
  | 'accounts:manage'
  /** Units and organisation settings: admins. */
  | 'organizations:manage'
  /** The audit log: admins. */
  | 'audit:read'
  /** New organisations: superadmins. */
  | 'superadmin'
  /** Other Sangathan services only (followers, lookups). */
  | 'service';

/** Root fields that run without credentials, at the gateway as in the subgraph that owns them. */
export const PUBLIC_OPERATIONS: ReadonlySet<string> = new Set(['login', 'refreshToken']);

/** What a service's reads and writes need, and its exceptions by root field name. */
export interface AccessRules {
  read: Scope;
  write: Scope;
  fields: Readonly<Record<string, Access>>;
}

/** Whether the identity may run a field with this access; null identities only public ones. */
export function allows(identity: Identity | null, access: Access, rules: Pick<AccessRules, 'read' | 'write'>): boolean {
  if (access === 'public') return true;
  if (!identity) return false;
  switch (access) {
    case 'account':
      return identity.kind === 'account';
    case 'read':
      return hasScope(identity, rules.read);
    case 'write':
      return hasScope(identity, rules.write);
    case 'accounts:manage':
    case 'organizations:manage':
    case 'audit:read':
      return hasScope(identity, access);
    case 'superadmin':
      return identity.kind === 'service' || roleAtLeast(identity.role, 'SUPERADMIN');
    case 'service':
      return identity.kind === 'service';
  }
}

/** The root field names an operation asks for, through fragments; `__typename` is left out (it reads nothing). */
export function rootFields(document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [],
    ),
  );
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode, seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value !== '__typename') names.add(selection.name.value);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment.selectionSet, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return [...names];
}

export interface IdentityContext {
  identity: Identity | null;
}

function accessOf(field: string, operation: OperationDefinitionNode, rules: AccessRules): Access {
  if (PUBLIC_OPERATIONS.has(field)) return 'public';
  const declared = rules.fields[field];
  if (declared) return declared;
  if (field === '__schema' || field === '__type') return 'read';
  return operation.operation === 'query' ? 'read' : 'write';
}

/**
 * Checks every root field of an operation against the caller before anything runs: no credentials →
 * UNAUTHENTICATED (401), not allowed → FORBIDDEN naming the field. Nothing is resolved either way.
 */
export function accessPlugin(rules: AccessRules): ApolloServerPlugin<IdentityContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (!operation) return;
          const identity = contextValue.identity;
          for (const field of rootFields(document, operation)) {
            const access = accessOf(field, operation, rules);
            if (allows(identity, access, rules)) continue;
            if (!identity) throw unauthenticated('sign in first: this operation needs an access token');
            // HTTP 200, as for any GraphQL error: a router passes it on instead of reporting a failed subgraph.
            throw forbidden(`${field}: not allowed for this account or token (needs ${access})`, undefined, 200);
          }
        },
      };
    },
  };
}

/**
 * The gateway's check before planning: a request without credentials may only ask for public
 * operations. What a verified caller may do is each subgraph's to decide.
 */
export function gatewayAccessPlugin(): ApolloServerPlugin<IdentityContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operation }) {
          if (contextValue.identity || !operation) return;
          if (rootFields(document, operation).every((field) => PUBLIC_OPERATIONS.has(field))) return;
          throw unauthenticated('sign in first: this operation needs an access token');
        },
      };
    },
  };
}

/** Phones, emails and birth dates: null with FORBIDDEN on the field's path without `pii:read`. */
export const PersonalData: MiddlewareFn<IdentityContext> = ({ context, info }, next) => {
  if (!hasScope(context.identity, 'pii:read')) throw forbidden(`${info.parentType.name}.${info.fieldName} needs pii:read`);
  return next();
};

/** The verified caller as the writer of audit entries; null before sign-in (public fields write nothing audited). */
export function actorOf(identity: Identity | null): Actor | null {
  return identity ? { kind: identity.kind, id: identity.subject, name: identity.name, job: null } : null;
}
