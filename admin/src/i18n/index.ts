import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { resolveBrowserLocale } from 'react-admin';
import { en } from './en';
import { hi } from './hi';
import { vi } from './vi';

const messages = { en, hi, vi } as unknown as Record<string, TranslationMessages>;

export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'hi', name: 'हिन्दी' },
  { locale: 'vi', name: 'Tiếng Việt' },
];

/** The Intl locale for dates and numbers: en and hi group digits the Indian way (2,00,000). */
export const intlLocale = (locale: string) => ({ en: 'en-IN', hi: 'hi-IN', vi: 'vi-VN' })[locale] ?? 'en-IN';

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? en, resolveBrowserLocale('en'), LOCALES, {
  // A missing key shows its last part rather than the dotted path; tests check that every key exists.
  allowMissing: true,
});
