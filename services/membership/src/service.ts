import {
  buildModuleSchema,
  createServiceDataSource,
  createServices,
  entitiesOf,
  NO_REQUEST,
  serviceIdentity,
  type Identity,
  startService,
  type QueryLog,
  type StartServiceOptions,
} from '@sangathan/common';
import type { DataSource } from 'typeorm';
import type { MembershipServices } from './context';
import { MEMBERSHIP_SERVICE, MODULES } from './definition';

export { type MembershipContext, type MembershipServices } from './context';
export { loadConfig, SERVICE_NAME } from './config';
export { MEMBERSHIP_SERVICE, MIGRATIONS, MODULES } from './definition';
export {
  buildDemoOrganizations,
  DATA_AS_OF,
  memberSeedId,
  PHU_THO_UNION_ID,
  seedId,
  seedMembership,
  unitSeedId,
  UP_PARTY_ID,
  type OrganizationSeed,
  type SeedSummary,
} from './seed/seed';
export { DEFAULT_ADMIN_EMAIL, DEMO_ACCOUNTS, DEMO_PASSWORD, seedAccounts, type AccountSeedSummary } from './seed/accounts';

export const ENTITIES = entitiesOf(MODULES);

export function createMembershipDataSource(url: string, queryLog?: QueryLog): DataSource {
  return createServiceDataSource(MEMBERSHIP_SERVICE, url, queryLog);
}

/** The membership subgraph schema; needs no database, so composition can build it offline. */
export function buildMembershipSchema() {
  return buildModuleSchema(MODULES);
}

/** One request's services outside a request (seeding, tests): as the service itself, seeing everything, unless given an identity. */
export function createMembershipServices(dataSource: DataSource, identity: Identity = serviceIdentity('membership')): MembershipServices {
  return createServices(MODULES, { dataSource, identity, request: NO_REQUEST });
}

/** Serves the membership subgraph over an initialised DataSource (migrations already run). */
export function startMembershipService(options: Omit<StartServiceOptions, 'membershipUrl'>) {
  return startService(MEMBERSHIP_SERVICE, options);
}
