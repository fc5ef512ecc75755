import { toLatin } from '@sangathan/common';
import { distance } from 'fastest-levenshtein';

/**
 * A loose key of a person's name for finding the same person written twice: "संजय राय", "Sanjay Rai"
 * and "Rai Sanjay" share "rai sanjai". The name is put in Latin letters (Devanagari transliterated,
 * Vietnamese diacritics folded), then each word loses the spelling differences common in Indian
 * names written in Latin letters, and the words are sorted (surname first or last).
 */
export function nameKey(name: string): string {
  return [
    ...new Set(
      toLatin(name)
        .toLowerCase()
        .split(/[^a-z]+/)
        .filter(Boolean)
        .map(foldWord),
    ),
  ]
    .sort()
    .join(' ');
}

function foldWord(word: string): string {
  let key = word
    .replace(/ph/g, 'f')
    .replace(/x/g, 'ks')
    .replace(/ee|ii/g, 'i')
    .replace(/oo|uu/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/ou/g, 'au')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/z/g, 'j')
    // Aspirates and "sh" are written with or without the h: Shrivastav/Srivastav, Thakur/Takur.
    .replace(/([kgcjtdbs])h/g, '$1')
    .replace(/(.)\1+/g, '$1');
  // Word ends: Ray/Rai/Raay, Sanjay/Sanjai, Pandey/Pande, Shah/Sha, Sharma/Sharm.
  key = key
    .replace(/ay$/, 'ai')
    .replace(/ey$/, 'e')
    .replace(/([^aeiou])y$/, '$1i');
  if (key.length > 2) key = key.replace(/([aeiou])h$/, '$1');
  if (key.length > 3) key = key.replace(/a$/, '');
  return key;
}

/** 0–1: how alike two strings are (1 − edit distance / longer length), by fastest-levenshtein. */
export function stringSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - distance(a, b) / longer;
}

/** Like stringSimilarity, but an initial ("A." for "Ajay") counts as nearly the word it starts. */
function wordSimilarity(a: string, b: string): number {
  if ((a.length === 1 && b.startsWith(a)) || (b.length === 1 && a.startsWith(b))) return 0.9;
  return stringSimilarity(a, b);
}

/**
 * 0–1: how alike two names are, from their name keys: 1 for the same key; a name whose words all
 * appear in the other ("Sanjay Rai" in "Sanjay Kumar Rai") 0.85; otherwise the best of the keys'
 * edit similarity and that of the words paired off one by one.
 */
export function nameSimilarity(keyA: string, keyB: string): number {
  if (!keyA || !keyB) return 0;
  if (keyA === keyB) return 1;
  const wordsA = keyA.split(' ');
  const wordsB = keyB.split(' ');
  const [shorter, longer] = wordsA.length <= wordsB.length ? [wordsA, wordsB] : [wordsB, wordsA];
  if (shorter.every((word) => longer.includes(word))) return 0.85;
  // Each word of the shorter name against its best match in the longer one, every word counting the
  // same (a shared family name, "Nguyen", must not make two people alike), less for missing words.
  const best = shorter.map((word) => Math.max(...longer.map((other) => wordSimilarity(word, other))));
  const byWord = (best.reduce((sum, value) => sum + value, 0) / best.length) * (shorter.length / longer.length) ** 0.5;
  return Math.max(stringSimilarity(keyA, keyB), byWord);
}
