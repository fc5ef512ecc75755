import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { resolveBrowserLocale } from 'react-admin';
import { en } from './en';
import { hi } from './hi';
import { intlLocale, LOCALES } from './locales';
import { vi } from './vi';

const messages = { en, hi, vi } as unknown as Record<string, TranslationMessages>;

export { LOCALES, intlLocale };

export const i18nProvider = polyglotI18nProvider((locale) => messages[locale] ?? en, resolveBrowserLocale('en'), LOCALES, {
  // A missing key shows its last part rather than the dotted path; tests check that every key exists.
  allowMissing: true,
});
