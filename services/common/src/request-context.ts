import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header a request id comes in and goes back out with (and that the gateway passes to the subgraphs). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a client may send as its own request id: short, and nothing a log reader or a header could trip on. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

const storage = new AsyncLocalStorage<{ requestId: string }>();

/** The client's request id when it is a valid one, otherwise a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  return typeof header === 'string' && VALID_REQUEST_ID.test(header) ? header : randomUUID();
}

/** Runs `work` as part of the request with this id: log lines and GraphQL errors written meanwhile carry it. */
export function runWithRequestId<T>(requestId: string, work: () => T): T {
  return storage.run({ requestId }, work);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** For a call made to another service while handling a request: it carries the request's id along. */
export function requestIdHeaders(): Record<string, string> {
  const requestId = currentRequestId();
  return requestId ? { [REQUEST_ID_HEADER]: requestId } : {};
}
