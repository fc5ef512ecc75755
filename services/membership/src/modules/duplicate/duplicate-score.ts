import { nameSimilarity } from './name-key';

/** What scoring needs of a member (a stored one or a row about to be imported). */
export interface DuplicateFacts {
  nameKey: string;
  phone: string | null;
  dateOfBirth: string | null;
  /** The home unit's path, root first, the unit itself last. */
  unitPath: readonly string[];
}

/**
 * The weights of a pair's score (0–1, the sum of the parts, clamped). Name counts most; a shared phone
 * or birth date adds, a differing one (both known) takes away; being close in the unit tree adds a
 * little. A name that is not alike caps the score below the queue's threshold: families share a phone.
 */
export const DUPLICATE_WEIGHTS = {
  name: 0.55,
  samePhone: 0.25,
  otherPhone: -0.1,
  sameBirthDate: 0.15,
  otherBirthDate: -0.25,
  unit: 0.05,
  /** Below this name similarity the score is at most `unlikeNameCap`. */
  alikeName: 0.75,
  unlikeNameCap: 0.45,
} as const;

/** Pairs scoring at least this are kept by a run and proposed to the import. */
export const DUPLICATE_THRESHOLD = 0.5;

export interface DuplicateScore {
  score: number;
  reasons: string[];
}

/** Closeness in the unit tree: the length of the common path prefix over the longer path (same unit: 1). */
export function unitCloseness(a: readonly string[], b: readonly string[]): number {
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const longer = Math.max(a.length, b.length);
  return longer ? common / longer : 0;
}

export function scorePair(a: DuplicateFacts, b: DuplicateFacts): DuplicateScore {
  const w = DUPLICATE_WEIGHTS;
  const reasons: string[] = [];
  const name = nameSimilarity(a.nameKey, b.nameKey);
  reasons.push(name === 1 ? 'SAME_NAME_KEY' : name >= w.alikeName ? 'SIMILAR_NAME' : 'DIFFERENT_NAME');
  let score = w.name * name;
  if (a.phone && b.phone) {
    score += a.phone === b.phone ? w.samePhone : w.otherPhone;
    reasons.push(a.phone === b.phone ? 'SAME_PHONE' : 'OTHER_PHONE');
  }
  if (a.dateOfBirth && b.dateOfBirth) {
    score += a.dateOfBirth === b.dateOfBirth ? w.sameBirthDate : w.otherBirthDate;
    reasons.push(a.dateOfBirth === b.dateOfBirth ? 'SAME_BIRTH_DATE' : 'OTHER_BIRTH_DATE');
  }
  const closeness = unitCloseness(a.unitPath, b.unitPath);
  score += w.unit * closeness;
  if (closeness === 1) reasons.push('SAME_UNIT');
  else if (closeness >= 0.5) reasons.push('NEAR_UNIT');
  if (name < w.alikeName) score = Math.min(score, w.unlikeNameCap);
  return { score: Math.round(Math.min(1, Math.max(0, score)) * 1000) / 1000, reasons };
}
