import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** The header a request id comes in and goes back out with (and that the gateway passes to the subgraphs). */
export const REQUEST_ID_HEADER = 'x-request-id';

/** What a client may send as its own request id: short, and nothing a log reader or a header could trip on. */
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

/** Who a change is written by: the verified caller of a request, or a named system job (seed, unit-copies, import). */
export interface Actor {
  kind: 'account' | 'partner' | 'service' | 'system';
  /** Account or partner token id, the calling service's name; null for system jobs. */
  id: string | null;
  /** The account's or token's display name when known. */
  name: string | null;
  /** System jobs only. */
  job: string | null;
}

interface RequestStore {
  requestId: string;
  /** Set once the caller is verified (or by runAsSystem); audit entries are written in its name. */
  actor?: Actor;
  /** The mutation's root fields, e.g. "deleteMembers". */
  operation?: string;
}

const storage = new AsyncLocalStorage<RequestStore>();

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

/** Records the request's verified caller and operation; later writes in the request are audited in their name. */
export function setRequestActor(actor: Actor | null, operation?: string): void {
  const store = storage.getStore();
  if (!store) return;
  if (actor) store.actor = actor;
  if (operation !== undefined) store.operation = operation;
}

/** The actor and operation of the work being done, if any. */
export function currentActor(): { actor: Actor; operation: string | null; requestId: string | null } | null {
  const store = storage.getStore();
  return store?.actor ? { actor: store.actor, operation: store.operation ?? null, requestId: store.requestId } : null;
}

/**
 * Runs a system job (`seed`, `unit-copies`, `import`): its writes are audited with a system actor
 * naming the job, under a request id of its own (or the request's that started it).
 */
export function runAsSystem<T>(job: string, work: () => T): T {
  const requestId = currentRequestId() ?? `${job}-${randomUUID()}`;
  return storage.run({ requestId, actor: { kind: 'system', id: null, name: null, job }, operation: job }, work);
}
