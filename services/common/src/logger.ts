import pino from 'pino';
import type { LogLevel } from './config';

export type Logger = pino.Logger;

/** Structured JSON logs on stdout; `npm start` prefixes and shortens them. */
export function createLogger(service: string, level: LogLevel = 'info'): Logger {
  return pino({ name: service, level, base: { service } });
}
