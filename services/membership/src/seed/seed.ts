import type { DataSource } from 'typeorm';

export interface SeedSummary {
  organizations: number;
  units: number;
  members: number;
}

/** Placeholder replaced below. */
export async function seedMembership(_dataSource: DataSource): Promise<SeedSummary> {
  return { organizations: 0, units: 0, members: 0 };
}
