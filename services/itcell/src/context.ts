import type { MembershipLookups, ServiceDeps, ServicesOf } from '@sangathan/common';
import type { MODULES } from './definition';

/** One request's services, by the API's plural (`services.socialTeams`…), and batched lookups in membership. */
export type ItcellServices = ServicesOf<typeof MODULES> & { membership: MembershipLookups };

/** Per-request context: services with request-scoped DataLoaders, including lookups in membership. */
export interface ItcellContext {
  services: ItcellServices;
}

/** What an itcell service is built from. */
export type ItcellDeps = ServiceDeps<ItcellServices>;
