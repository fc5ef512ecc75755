import { EnvReader, readDependentServiceConfig, type DependentServiceConfig } from '@sangathan/common';

export const SERVICE_NAME = 'training';

/** Read once at start: TRAINING_PORT (4003), MEMBERSHIP_URL, UNIT_SYNC_INTERVAL_MS, DATABASE_URL, LOG_LEVEL… */
export function loadConfig(env = new EnvReader()): DependentServiceConfig {
  return readDependentServiceConfig(SERVICE_NAME, 'TRAINING_PORT', 4003, env);
}
