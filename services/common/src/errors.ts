import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { currentRequestId } from './request-context';

export type ErrorCode =
  'BAD_USER_INPUT' | 'NOT_FOUND' | 'CONFLICT' | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'TOO_MANY_REQUESTS' | 'TIMEOUT' | 'INTERNAL_SERVER_ERROR';

/** Field name → human message, for the console to mark the field. */
export type FieldMessages = Record<string, string>;

export function badUserInput(fields: FieldMessages, message?: string): GraphQLError {
  const summary =
    message ??
    Object.entries(fields)
      .map(([field, text]) => `${field}: ${text}`)
      .join('; ');
  return new GraphQLError(summary, { extensions: { code: 'BAD_USER_INPUT', fields } });
}

export function notFound(type: string, id: string): GraphQLError {
  return new GraphQLError(`${type} ${id} was not found`, { extensions: { code: 'NOT_FOUND', type, id } });
}

export function conflict(type: string, id: string, expected: number, actual: number): GraphQLError {
  return new GraphQLError(
    `${type} ${id} was changed by someone else (expected version ${expected}, current version ${actual}); reload it and apply your change again`,
    { extensions: { code: 'CONFLICT', type, id, expectedVersion: expected, currentVersion: actual } },
  );
}

/** Another service this one depends on did not answer; the client may retry. Names the service, never its address. */
export function serviceUnavailable(service: string): GraphQLError {
  return new GraphQLError(`The ${service} service is not available right now; nothing was changed, try again shortly`, {
    extensions: { code: 'SERVICE_UNAVAILABLE', service },
  });
}

/**
 * What a log line says about a failure: another service not answering is expected while it starts or
 * restarts, so its message is enough; anything else keeps the whole error with its stack.
 */
export function failureLogFields(error: unknown): { reason: string } | { err: unknown } {
  const unavailable = error instanceof GraphQLError && error.extensions.code === 'SERVICE_UNAVAILABLE';
  return unavailable ? { reason: error.message } : { err: error };
}

/**
 * No valid credentials: HTTP 401 when the request itself is refused. A resolver refusing (a wrong
 * password) answers 200 like any GraphQL error, so a router passes the error on as it is; the gateway
 * turns an answer with nothing but UNAUTHENTICATED into a 401 for the client.
 */
export function unauthenticated(message: string, httpStatus = 401): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: httpStatus } } });
}

/** Signed in, but not allowed; `fields` names the input fields at fault on a write. */
export function forbidden(message: string, fields?: FieldMessages, httpStatus?: number): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'FORBIDDEN', ...(fields ? { fields } : {}), ...(httpStatus ? { http: { status: httpStatus } } : {}) },
  });
}

export function tooManyRequests(message: string, retryAfterSeconds: number): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'TOO_MANY_REQUESTS', retryAfterSeconds } });
}

/** Collects field errors so a write reports every bad field at once, then throws. */
export class FieldErrors {
  private readonly fields: FieldMessages = {};
  private forbidden = false;

  add(field: string, message: string): this {
    if (!(field in this.fields)) this.fields[field] = message;
    return this;
  }

  /** The field names something outside the caller's scope or above their role: the write is FORBIDDEN. */
  forbid(field: string, message = 'outside your scope'): this {
    this.forbidden = true;
    return this.add(field, message);
  }

  check(ok: boolean, field: string, message: string): this {
    if (!ok) this.add(field, message);
    return this;
  }

  has(field: string): boolean {
    return field in this.fields;
  }

  get empty(): boolean {
    return Object.keys(this.fields).length === 0;
  }

  throwIfAny(): void {
    if (this.empty) return;
    if (this.forbidden) {
      const summary = Object.entries(this.fields)
        .map(([field, text]) => `${field}: ${text}`)
        .join('; ');
      throw forbidden(summary, { ...this.fields });
    }
    throw badUserInput({ ...this.fields });
  }
}

const KNOWN_CODES = new Set<string>([
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  // The gateway's operation limits and rate limits (gateway/src/limits).
  'TOKEN_LIMIT_EXCEEDED',
  'DEPTH_LIMIT_EXCEEDED',
  'ALIAS_LIMIT_EXCEEDED',
  'DIRECTIVE_LIMIT_EXCEEDED',
  'ROOT_FIELD_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
  'RATE_LIMITED',
  // A database statement cancelled by its timeout (databaseTimeout).
  'TIMEOUT',
]);
/** Codes Apollo itself gives to malformed requests; their messages are about the query, not internals. */
const REQUEST_CODES = new Set<string>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
]);

/** A code whose errors are meant for the client as they are (the rest become INTERNAL_SERVER_ERROR). */
export function isClientErrorCode(code: unknown): code is string {
  return typeof code === 'string' && (KNOWN_CODES.has(code) || REQUEST_CODES.has(code));
}

/** The SQLSTATE of a database error, looked for through the wrappers (GraphQLError, TypeORM's QueryFailedError). */
function databaseErrorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const { code, originalError, driverError } = current as { code?: unknown; originalError?: unknown; driverError?: unknown };
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code;
    current = originalError ?? driverError;
  }
  return undefined;
}

/**
 * A statement PostgreSQL cancelled: it waited for a lock longer than lock_timeout (55P03) or ran
 * longer than statement_timeout (57014). The client gets TIMEOUT and may try again; a write was
 * rolled back with its transaction.
 */
export function databaseTimeout(error: unknown): GraphQLError | undefined {
  switch (databaseErrorCode(error)) {
    case '55P03':
      return new GraphQLError('The record is locked by another change in progress and stayed locked too long; try again', {
        extensions: { code: 'TIMEOUT', reason: 'LOCKED' },
      });
    case '57014':
      return new GraphQLError('The database took too long to answer; try again, or ask for less at once', {
        extensions: { code: 'TIMEOUT', reason: 'TOO_SLOW' },
      });
    default:
      return undefined;
  }
}

export interface FormatErrorOptions {
  /** The error Apollo formatted (its originalError is what a resolver threw). */
  original?: unknown;
  onInternal?: (error: unknown) => void;
  onTimeout?: (error: GraphQLError) => void;
}

/**
 * Apollo `formatError`: known errors pass with their code; a database timeout becomes TIMEOUT;
 * anything else (a database error, a bug) becomes a bare INTERNAL_SERVER_ERROR so a client never
 * sees SQL, a stack trace or a host name. Every error carries the request's id (`extensions.requestId`),
 * to find its log lines.
 */
export function formatError(formatted: GraphQLFormattedError, options: FormatErrorOptions = {}): GraphQLFormattedError {
  const code = formatted.extensions?.code as string | undefined;
  const requestId = currentRequestId();
  const withId = requestId ? { requestId } : {};
  if (isClientErrorCode(code)) {
    const { stacktrace: _stacktrace, exception: _exception, ...extensions } = formatted.extensions ?? {};
    // Apollo's own text tells how to configure Apollo; a client only needs to know it is off.
    const message =
      extensions.validationErrorCode === 'INTROSPECTION_DISABLED' ? 'Introspection is turned off on this server' : formatted.message;
    return { ...formatted, message, extensions: { ...extensions, ...withId } };
  }
  const timeout = databaseTimeout(options.original);
  if (timeout) {
    options.onTimeout?.(timeout);
    return {
      message: timeout.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { ...timeout.extensions, ...withId },
    };
  }
  options.onInternal?.(formatted);
  return {
    message: 'Internal server error',
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...withId },
  };
}

/** An error about the HTTP request itself (bad body, unknown route), shaped like a GraphQL answer. */
export function requestErrorBody(message: string, code: string, requestId = currentRequestId()): { errors: GraphQLFormattedError[] } {
  return { errors: [{ message, extensions: { code, ...(requestId ? { requestId } : {}) } }] };
}

/** The message for an id that names no live record of a type: "no Member with id …". */
export function noSuchRecord(type: string, id: string): string {
  return `no ${type} with id ${id}`;
}

/** A unique-index violation: two writes raced past a duplicate check. */
export function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '23505';
}
