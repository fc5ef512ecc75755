import type { DataSource } from 'typeorm';

export interface ItcellSeedSummary {
  alreadySeeded: boolean;
}

/** Filled in by the seed work; see README. */
export async function seedItcell(_dataSource: DataSource, _options: { log?: (message: string) => void } = {}): Promise<ItcellSeedSummary> {
  return { alreadySeeded: true };
}
