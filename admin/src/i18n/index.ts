import polyglotI18nProvider from 'ra-i18n-polyglot';
import type { TranslationMessages } from 'react-admin';
import { resolveBrowserLocale } from 'react-admin';
import { messages as audit } from '../audit/messages';
import { messages as auth } from '../auth/messages';
import { messages as dashboard } from '../dashboard/messages';
import { resources } from '../resources';
import { intlLocale, LOCALES } from './locales';
import { buildMessages } from './catalog';
import { setTranslate } from './translate';

const messages: Record<string, TranslationMessages> = buildMessages([
  auth,
  audit,
  dashboard,
  ...resources.map((resource) => resource.messages),
]);

export { LOCALES, intlLocale };

const polyglot = polyglotI18nProvider((locale) => messages[locale] ?? messages.en, resolveBrowserLocale('en'), LOCALES, {
  // A missing key shows its last part rather than the dotted path; tests check that every key exists.
  allowMissing: true,
});

// react-admin passes raw numbers to these messages ("1-25 of 3000"); show them grouped as the reader's locale does.
const NUMBERED_MESSAGES = new Set(['ra.navigation.page_range_info', 'ra.navigation.partial_page_range_info']);

export const i18nProvider = {
  ...polyglot,
  translate: (key: string, options?: Record<string, unknown>) => {
    if (!options || !NUMBERED_MESSAGES.has(key)) return polyglot.translate(key, options);
    const format = new Intl.NumberFormat(intlLocale(polyglot.getLocale()));
    const formatted = Object.fromEntries(
      Object.entries(options).map(([name, value]) => [
        name,
        typeof value === 'number' && name !== 'smart_count' ? format.format(value) : value,
      ]),
    );
    return polyglot.translate(key, formatted);
  },
};

setTranslate(i18nProvider.translate);
