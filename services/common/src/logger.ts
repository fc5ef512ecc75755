import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout; `npm start` prefixes and shortens them. Written synchronously (logs
 * are few): nothing is lost at exit, and when the reader of stdout is gone (EPIPE) pino stops writing,
 * where an asynchronous stream's final flush at exit would retry forever and keep the process alive.
 */
export function createLogger(service: string, level: LogLevel = 'info'): Logger {
  return pino({ name: service, level, base: { service } }, pino.destination({ dest: 1, sync: true }));
}
