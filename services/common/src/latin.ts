/**
 * Latin forms of names for display and search.
 *
 * Devanagari is transliterated the way Hindi names are usually spelt in Latin script ("संजय राय" →
 * "Sanjay Ray", "गोरखपुर" → "Gorakhpur"): that needs Hindi schwa deletion, which the generic
 * transliteration packages do not do (they give "sanjaya" or "sNjy"). Other scripts with
 * diacritics (Vietnamese) are folded to plain letters ("Nguyễn Thanh Tâm" → "Nguyen Thanh Tam").
 */

// prettier-ignore
const CONSONANTS: Record<string, string> = {
  क: 'k', ख: 'kh', ग: 'g', घ: 'gh', ङ: 'n',
  च: 'ch', छ: 'chh', ज: 'j', झ: 'jh', ञ: 'n',
  ट: 't', ठ: 'th', ड: 'd', ढ: 'dh', ण: 'n',
  त: 't', थ: 'th', द: 'd', ध: 'dh', न: 'n',
  प: 'p', फ: 'ph', ब: 'b', भ: 'bh', म: 'm',
  य: 'y', र: 'r', ल: 'l', ळ: 'l', व: 'v',
  श: 'sh', ष: 'sh', स: 's', ह: 'h',
  क़: 'q', ख़: 'kh', ग़: 'gh', ज़: 'z', ड़: 'r', ढ़: 'rh', फ़: 'f', य़: 'y',
};
/** Consonant + nukta (़) written as two code points. */
const NUKTA_FORMS: Record<string, string> = { क: 'q', ख: 'kh', ग: 'gh', ज: 'z', ड: 'r', ढ: 'rh', फ: 'f', य: 'y' };
// prettier-ignore
const INDEPENDENT_VOWELS: Record<string, string> = {
  अ: 'a', आ: 'a', इ: 'i', ई: 'i', उ: 'u', ऊ: 'u', ऋ: 'ri', ए: 'e', ऐ: 'ai', ओ: 'o', औ: 'au', ऑ: 'o', ऍ: 'e',
};
// prettier-ignore
const MATRAS: Record<string, string> = {
  'ा': 'a', 'ि': 'i', 'ी': 'i', 'ु': 'u', 'ू': 'u', 'ृ': 'ri', 'े': 'e', 'ै': 'ai', 'ो': 'o', 'ौ': 'au', 'ॉ': 'o', 'ॅ': 'e',
};
const VIRAMA = '्';
const NUKTA = '़';
const NASALS = new Set(['ं', 'ँ']);
const VISARGA = 'ः';
const DEVANAGARI_DIGITS = '०१२३४५६७८९';

interface Syllable {
  onset: string[];
  vowel: string;
  /** The vowel is the inherent "a" that Hindi may drop. */
  schwa: boolean;
  dropped: boolean;
  coda: string;
}

function parseDevanagariWord(word: string): Syllable[] {
  const syllables: Syllable[] = [];
  let onset: string[] = [];
  const chars = [...word];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch in CONSONANTS) {
      let sound = CONSONANTS[ch];
      if (chars[i + 1] === NUKTA) {
        sound = NUKTA_FORMS[ch] ?? sound;
        i++;
      }
      onset.push(sound);
      const next = chars[i + 1];
      if (next === VIRAMA) {
        i++;
        continue;
      }
      if (next !== undefined && next in MATRAS) {
        syllables.push({ onset, vowel: MATRAS[next], schwa: false, dropped: false, coda: '' });
        i++;
      } else {
        syllables.push({ onset, vowel: 'a', schwa: true, dropped: false, coda: '' });
      }
      onset = [];
    } else if (ch in INDEPENDENT_VOWELS) {
      syllables.push({ onset: [], vowel: INDEPENDENT_VOWELS[ch], schwa: false, dropped: false, coda: '' });
    } else if (NASALS.has(ch) || ch === VISARGA) {
      const last = syllables[syllables.length - 1];
      if (last) last.coda += ch === VISARGA ? 'h' : 'N';
    }
  }
  // A word ending in a half consonant (with virama): it closes the last syllable.
  if (onset.length) {
    const last = syllables[syllables.length - 1];
    if (last) last.coda += onset.join('');
    else syllables.push({ onset, vowel: '', schwa: false, dropped: false, coda: '' });
  }
  return syllables;
}

/** Hindi schwa deletion: the final inherent "a" after a single consonant, and V C(a) C V medially. */
function dropSchwas(syllables: Syllable[]): void {
  const last = syllables[syllables.length - 1];
  if (syllables.length > 1 && last.schwa && last.onset.length === 1 && !last.coda) last.dropped = true;
  for (let i = syllables.length - 2; i >= 1; i--) {
    const current = syllables[i];
    const previous = syllables[i - 1];
    const next = syllables[i + 1];
    const afterVowel = !previous.dropped && !previous.coda && previous.vowel !== '';
    const beforeConsonantVowel = next.onset.length === 1 && !next.dropped && next.vowel !== '';
    if (current.schwa && current.onset.length === 1 && !current.coda && afterVowel && beforeConsonantVowel) {
      current.dropped = true;
    }
  }
}

function renderSyllables(syllables: Syllable[]): string {
  let out = '';
  syllables.forEach((syllable, index) => {
    out += syllable.onset.join('').replace(/^jn$/, 'gy');
    if (!syllable.dropped) out += syllable.vowel;
    const nextOnset = syllables[index + 1]?.onset[0] ?? '';
    out += syllable.coda.replace(/N/g, () => (/^[pbm]/.test(nextOnset) ? 'm' : nextOnset === 'h' ? 'ng' : 'n'));
  });
  return out;
}

const DEVANAGARI_RUN = /[\u0900-\u097F]+/g;

function transliterateDevanagari(text: string): string {
  return text.replace(DEVANAGARI_RUN, (run) => {
    const digits = [...run].map((ch) => {
      const digit = DEVANAGARI_DIGITS.indexOf(ch);
      return digit >= 0 ? String(digit) : ch;
    });
    const word = digits.join('');
    if (/^[0-9]+$/.test(word)) return word;
    const syllables = parseDevanagariWord(word.replace(/[0-9]/g, ''));
    if (!syllables.length) return '';
    dropSchwas(syllables);
    return renderSyllables(syllables);
  });
}

/** Removes diacritics (Vietnamese tones and vowel marks, Latin accents); đ → d. */
export function foldDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').normalize('NFC');
}

function capitalizeWords(text: string): string {
  return text.replace(/(^|[\s\-'])(\p{Ll})/gu, (_m, before: string, letter: string) => before + letter.toUpperCase());
}

/** The Latin form of a name as written in any supported script. */
export function toLatin(text: string): string {
  const hasDevanagari = /[\u0900-\u097F]/.test(text);
  const latin = foldDiacritics(hasDevanagari ? transliterateDevanagari(text) : text);
  const tidy = latin.replace(/\s+/g, ' ').trim();
  return hasDevanagari ? capitalizeWords(tidy) : tidy;
}

/**
 * A loose spelling key, applied to stored names and to queries alike, so that common spelling
 * variants meet: "Rai"/"Ray", "Sharma"/"Sarma", "Shrivastav"/"Srivastava", "Lakhnau"/"Lakhnaoo".
 */
export function searchKey(text: string): string {
  return toLatin(text)
    .toLowerCase()
    .split(/[^a-z0-9@.+]+/)
    .filter(Boolean)
    .map(spellingKeyOfWord)
    .join(' ');
}

function spellingKeyOfWord(word: string): string {
  if (/^[0-9@.+]+$/.test(word) || word.includes('@')) return word;
  let key = word
    .replace(/ee|ii/g, 'i')
    .replace(/oo|uu/g, 'u')
    .replace(/aa/g, 'a')
    .replace(/([ktdgbjcps])h/g, '$1')
    .replace(/w/g, 'v')
    .replace(/z/g, 'j')
    .replace(/q/g, 'k')
    .replace(/ck/g, 'k')
    .replace(/(.)\1+/g, '$1');
  key = key.replace(/(a|e|o)y$/, '$1i').replace(/ey$/, 'ai');
  if (key.length > 3) key = key.replace(/a$/, '');
  return key;
}

/**
 * SQL for "every word of the query starts a word of the search key", with its parameters.
 * Word starts keep the loose spelling key from matching inside unrelated names. The trigram index on
 * the column serves these LIKE patterns. Returns null when the query has no searchable word.
 */
export function searchKeyCondition(
  column: string,
  query: string,
  parameterPrefix = 'q',
): { sql: string; parameters: Record<string, string> } | null {
  const words = searchKey(query).split(' ').filter(Boolean);
  if (!words.length) return null;
  const parameters: Record<string, string> = {};
  const clauses = words.map((word, index) => {
    const name = `${parameterPrefix}Word${index}`;
    parameters[`${name}Start`] = `${word}%`;
    parameters[`${name}Inner`] = `% ${word}%`;
    return `(${column} LIKE :${name}Start OR ${column} LIKE :${name}Inner)`;
  });
  return { sql: clauses.join(' AND '), parameters };
}

/** Escapes LIKE/ILIKE wildcards so user text matches literally ("%" finds a percent sign, not everything). */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
