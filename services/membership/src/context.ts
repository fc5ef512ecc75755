import type { Identity, RequestInfo, ServiceDeps, ServicesOf, TokenIssuing } from '@sangathan/common';
import type { MODULES } from './definition';

/** One request's services, by the API's plural: `services.members`, `services.orgUnits`… */
export type MembershipServices = ServicesOf<typeof MODULES>;

/** Per-request context: the caller and services with request-scoped DataLoaders. */
export interface MembershipContext {
  identity: Identity | null;
  request: RequestInfo;
  services: MembershipServices;
}

/** What a membership service is built from; `issuing` signs access tokens (absent outside a server). */
export type MembershipDeps = ServiceDeps<MembershipServices> & { issuing?: TokenIssuing };
