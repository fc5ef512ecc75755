import type { DataSource } from 'typeorm';

export interface TrainingSeedSummary {
  alreadySeeded: boolean;
}

/** Demo data for case 1; filled in by the seed work. */
export async function seedTraining(
  _dataSource: DataSource,
  _options: { log?: (message: string) => void } = {},
): Promise<TrainingSeedSummary> {
  return { alreadySeeded: true };
}
