import { v5 } from 'uuid';

/**
 * Demo records get name-based (v5) UUIDs so that other services' seeds can compute the ids of the
 * same organisations, units and members without reading this database.
 */
const SEED_NAMESPACE = 'f070c4e8-5ac1-406d-bfc9-63dc86eecf37';

export type SeedKind = 'organization' | 'unit' | 'member' | 'position' | 'assignment' | 'field-visit';

/** The id of a demo record: the same kind and key always give the same id. */
export function seedId(kind: SeedKind, key: string): string {
  return v5(`${kind}:${key}`, SEED_NAMESPACE);
}

/** A demo unit's id, from its organisation's short name and its code, e.g. ('LSP', 'UP-D-LUCKNOW'). */
export function unitSeedId(shortName: string, code: string): string {
  return seedId('unit', `${shortName}:${code}`);
}

/** A demo member's id, from the membership number, e.g. 'LSP-0000001'. */
export function memberSeedId(membershipNumber: string): string {
  return seedId('member', membershipNumber);
}

export const UP_PARTY_SHORT_NAME = 'LSP';
export const PHU_THO_UNION_SHORT_NAME = 'DTN-PT';
export const UP_PARTY_ID = seedId('organization', UP_PARTY_SHORT_NAME);
export const PHU_THO_UNION_ID = seedId('organization', PHU_THO_UNION_SHORT_NAME);
