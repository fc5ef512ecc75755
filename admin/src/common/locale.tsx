import { DateField, NumberField, useLocaleState, type DateFieldProps, type NumberFieldProps } from 'react-admin';
import { intlLocale } from '../i18n/locales';

/** The Intl locale of the chosen UI language (en-IN, hi-IN, vi-VN). */
export function useIntlLocale(): string {
  const [locale] = useLocaleState();
  return intlLocale(locale);
}

/** Numbers grouped as the reader's locale does: 2,00,000 in English and Hindi, 200.000 in Vietnamese. */
export function LocaleNumberField(props: NumberFieldProps) {
  return <NumberField locales={useIntlLocale()} {...props} />;
}

export function LocaleDateField(props: DateFieldProps) {
  return <DateField locales={useIntlLocale()} {...props} />;
}

export function useFormatNumber() {
  const locale = useIntlLocale();
  return (value: number, options?: Intl.NumberFormatOptions) => new Intl.NumberFormat(locale, options).format(value);
}
