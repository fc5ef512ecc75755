/**
 * The browser's date-time box gives local time without a zone ("2026-11-20T10:30"); the API's DateTimeISO
 * wants an instant, so it is sent as the ISO string of that local time.
 */
export const parseLocalDateTime = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);
