import type { TranslateFunction } from 'react-admin';

let current: TranslateFunction = (key, options) => String(options?._ ?? key);

/**
 * The console's translate for code that runs outside React (a record's representation). It lives apart
 * from the provider, which i18n/index.ts builds from the resources, so that resources need not import that.
 */
export const translate: TranslateFunction = (key, options) => current(key, options);

export function setTranslate(next: TranslateFunction) {
  current = next;
}
