import type { ServiceDeps, ServicesOf } from '@sangathan/common';
import type { MODULES } from './definition';

/** One request's services, by the API's plural: `services.members`, `services.orgUnits`… */
export type MembershipServices = ServicesOf<typeof MODULES>;

/** Per-request context: services with request-scoped DataLoaders. */
export interface MembershipContext {
  services: MembershipServices;
}

/** What a membership service is built from. */
export type MembershipDeps = ServiceDeps<MembershipServices>;
