import { EnvReader, readServiceConfig, type ServiceConfig } from '@sangathan/common';

export const SERVICE_NAME = 'itcell';

export interface ItcellConfig extends ServiceConfig {
  /** The membership subgraph, asked to check units and members and followed for unit changes. */
  membershipUrl: string;
  unitSyncIntervalMs: number;
}

/** Read once at start: ITCELL_PORT (4002), MEMBERSHIP_URL, UNIT_SYNC_INTERVAL_MS, DATABASE_URL, LOG_LEVEL… */
export function loadConfig(env = new EnvReader()): ItcellConfig {
  return {
    ...readServiceConfig(SERVICE_NAME, 'ITCELL_PORT', 4002, env),
    membershipUrl: env.url('MEMBERSHIP_URL', 'http://localhost:4001/graphql'),
    unitSyncIntervalMs: env.integer('UNIT_SYNC_INTERVAL_MS', 5000, 100, 3_600_000),
  };
}
