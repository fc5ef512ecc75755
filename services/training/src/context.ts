import type { MembershipLookups, ServiceDeps, ServicesOf } from '@sangathan/common';
import type { MODULES } from './definition';

/** One request's services, by the API's plural (`services.trainingCampaigns`, `services.camps`…), and lookups in membership. */
export type TrainingServices = ServicesOf<typeof MODULES> & { membership: MembershipLookups };

/** Per-request context: services with request-scoped DataLoaders, including lookups in membership. */
export interface TrainingContext {
  services: TrainingServices;
}

/** What a training service is built from. */
export type TrainingDeps = ServiceDeps<TrainingServices>;
