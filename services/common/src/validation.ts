import type { FieldErrors } from './errors';
import { isCalendarDate, today } from './scalars';

/** Good enough to catch typing mistakes; the mailbox itself is never checked. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** Trimmed text, or an error on the field when required and empty. */
export function cleanText(errors: FieldErrors, field: string, value: string | null | undefined, required: boolean): string | undefined {
  const text = value?.trim();
  if (!text) {
    if (required) errors.add(field, 'must not be empty');
    return undefined;
  }
  return text;
}

export function checkDateRange(
  errors: FieldErrors,
  startsOn: string | null | undefined,
  endsOn: string | null | undefined,
  endField = 'endsOn',
): void {
  if (startsOn && endsOn && endsOn < startsOn) errors.add(endField, 'must not be before the start date');
}

export function checkNotInFuture(errors: FieldErrors, field: string, value: string | null | undefined): void {
  if (value && isCalendarDate(value) && value > today()) errors.add(field, 'must not be in the future');
}
