import pino from 'pino';
import type { LogLevel } from './config';
import { currentRequestId } from './request-context';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout (or `destination`, for tests); `npm start` prefixes and shortens them.
 * A line written while a request is handled carries its `requestId`. Written synchronously (logs are
 * few): nothing is lost at exit, and when the reader of stdout is gone (EPIPE) pino stops writing,
 * where an asynchronous stream's final flush at exit would retry forever and keep the process alive.
 */
export function createLogger(service: string, level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  const mixin = () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  };
  return pino({ name: service, level, base: { service }, mixin }, destination ?? pino.destination({ dest: 1, sync: true }));
}
