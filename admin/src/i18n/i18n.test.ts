import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { intlLocale, LOCALES } from './locales';
import { buildMessages, type Messages } from './catalog';

// The console merges the messages of the resource list (src/resources.ts) and the dashboard. That list
// imports the views, which jest cannot load, so here every folder's messages.ts stands in for it.
const src = join(__dirname, '..');
const parts = readdirSync(src)
  .filter((folder) => existsSync(join(src, folder, 'messages.ts')))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  .map((folder) => (require(join(src, folder, 'messages.ts')) as { messages: Messages }).messages);
const { en, hi, vi } = buildMessages(parts);

/**
 * Every language must be complete: each leaf key of the English messages (react-admin's, the app's and
 * every area's) exists in the other languages as a non-empty string with the same %{placeholders}, and
 * plural forms ('one |||| many', chosen by smart_count) are used consistently.
 */

const PLURAL_SEPARATOR = '||||';

/** Leaf messages by dotted key; a leaf is anything that is not a nested plain object. */
function flatten(messages: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  for (const [key, value] of Object.entries(messages as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) flatten(value, path, into);
    else into.set(path, value);
  }
  return into;
}

/** The %{placeholders} used in any plural form of a message, sorted. */
const placeholders = (message: string) => [...new Set([...message.matchAll(/%\{(\w+)\}/g)].map((match) => match[1]))].sort();

const forms = (message: string) => message.split(PLURAL_SEPARATOR).map((form) => form.trim());

const english = flatten(en);

// Plural forms: a translation has English's forms, or one form when the language does not inflect the
// words (Vietnamese never does; Hindi सदस्य is the same for one and many). Polyglot falls back to the first form.
const translations = [
  { locale: 'hi', messages: hi },
  { locale: 'vi', messages: vi },
];

describe('English messages', () => {
  it('are all strings', () => {
    const notStrings = [...english].filter(([, value]) => typeof value !== 'string').map(([key]) => key);
    expect(notStrings).toEqual([]);
  });

  it('have no empty message or empty plural form', () => {
    // ra.boolean.null is deliberately a single space.
    const empty = [...english]
      .filter(([key, value]) => typeof value === 'string' && key !== 'ra.boolean.null' && forms(value).some((form) => form === ''))
      .map(([key]) => key);
    expect(empty).toEqual([]);
  });
});

describe.each(translations)('$locale messages', ({ messages }) => {
  const translated = flatten(messages);
  const pairs = () =>
    [...english].flatMap(([key, source]) => {
      const target = translated.get(key);
      return typeof source === 'string' && typeof target === 'string' ? [{ key, source, target }] : [];
    });

  it('have every English key', () => {
    const missing = [...english.keys()].filter((key) => !translated.has(key));
    expect(missing).toEqual([]);
  });

  it('have no key that English lacks', () => {
    const extra = [...translated.keys()].filter((key) => !english.has(key));
    expect(extra).toEqual([]);
  });

  it('are non-empty strings', () => {
    const bad = [...english.keys()]
      .filter((key) => translated.has(key))
      .filter((key) => {
        const target = translated.get(key);
        if (typeof target !== 'string') return true;
        const source = english.get(key);
        // A message that is blank in English (ra.boolean.null) may be blank here too.
        return target.trim() === '' && !(typeof source === 'string' && source.trim() === '');
      });
    expect(bad).toEqual([]);
  });

  it('use the same %{placeholders} as English', () => {
    const mismatches = pairs()
      .filter(({ source, target }) => placeholders(source).join() !== placeholders(target).join())
      .map(({ key, source, target }) => `${key}: en {${placeholders(source).join(', ')}} ≠ {${placeholders(target).join(', ')}}`);
    expect(mismatches).toEqual([]);
  });

  it('use plural forms consistently with English', () => {
    const mismatches = pairs()
      .filter(({ source, target }) => {
        const sourceForms = forms(source).length;
        const targetForms = forms(target);
        if (targetForms.length > 1 && targetForms.some((form) => form === '')) return true;
        if (sourceForms === 1) return targetForms.length !== 1;
        return targetForms.length !== sourceForms && targetForms.length !== 1;
      })
      .map(({ key, source, target }) => `${key}: en ${forms(source).length} form(s) ≠ ${forms(target).length}: "${target}"`);
    expect(mismatches).toEqual([]);
  });
});

describe('intlLocale', () => {
  const format = (locale: string) => new Intl.NumberFormat(intlLocale(locale)).format(200000);

  it('groups digits the Indian way in English and Hindi', () => {
    expect(format('en')).toBe('2,00,000');
    expect(format('hi')).toBe('2,00,000');
  });

  it('groups digits the Vietnamese way in Vietnamese', () => {
    expect(format('vi')).toBe('200.000');
  });

  it('maps every language of the console, and falls back to en-IN', () => {
    expect(LOCALES.map(({ locale }) => intlLocale(locale))).toEqual(['en-IN', 'hi-IN', 'vi-VN']);
    expect(intlLocale('fr')).toBe('en-IN');
  });
});
