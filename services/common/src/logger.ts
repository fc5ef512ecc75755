import pino from 'pino';
import type { LogLevel } from './config';
import { currentRequestId } from './request-context';

export type Logger = pino.Logger;

/**
 * Structured JSON logs on stdout (or `destination`, for tests); `npm start` prefixes and shortens them.
 * A line written while a request is handled carries its `requestId`.
 */
export function createLogger(service: string, level: LogLevel = 'info', destination?: pino.DestinationStream): Logger {
  const mixin = () => {
    const requestId = currentRequestId();
    return requestId ? { requestId } : {};
  };
  return pino({ name: service, level, base: { service }, mixin }, destination);
}
