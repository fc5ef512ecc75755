/** The console's languages; kept free of react-admin imports so tests can load it. */
export const LOCALES = [
  { locale: 'en', name: 'English' },
  { locale: 'hi', name: 'हिन्दी' },
  { locale: 'vi', name: 'Tiếng Việt' },
];

/** The Intl locale for dates and numbers: en and hi group digits the Indian way (2,00,000). */
export const intlLocale = (locale: string) => ({ en: 'en-IN', hi: 'hi-IN', vi: 'vi-VN' })[locale] ?? 'en-IN';
