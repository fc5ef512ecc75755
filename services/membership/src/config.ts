import { EnvReader, readServiceConfig, type ServiceConfig } from '@sangathan/common';

export const SERVICE_NAME = 'membership';

/** Read once at start: MEMBERSHIP_PORT (4001), DATABASE_URL, LOG_LEVEL, EMBEDDED_PG_PORT, DATA_DIR. */
export function loadConfig(env = new EnvReader()): ServiceConfig {
  return readServiceConfig(SERVICE_NAME, 'MEMBERSHIP_PORT', 4001, env);
}
