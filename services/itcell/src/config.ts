import { EnvReader, readDependentServiceConfig, type DependentServiceConfig } from '@sangathan/common';

export const SERVICE_NAME = 'itcell';

/** Read once at start: ITCELL_PORT (4002), MEMBERSHIP_URL, UNIT_SYNC_INTERVAL_MS, DATABASE_URL, LOG_LEVEL… */
export function loadConfig(env = new EnvReader()): DependentServiceConfig {
  return readDependentServiceConfig(SERVICE_NAME, 'ITCELL_PORT', 4002, env);
}
