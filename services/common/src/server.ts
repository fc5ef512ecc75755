import { ApolloServer, type ApolloServerPlugin, type BaseContext, type ContextFunction } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { failureLogFields, formatError, requestErrorBody } from './errors';
import type { Logger } from './logger';
import { REQUEST_ID_HEADER, requestIdFrom, runWithRequestId } from './request-context';

export interface RunningServer {
  url: string;
  port: number;
  /** Stops accepting connections and waits for in-flight requests to finish. */
  stop(): Promise<void>;
}

export interface GraphQLServerOptions<TContext extends BaseContext> {
  /** A subgraph's own schema, or (for the gateway) an Apollo gateway that plans over subgraphs. */
  schema?: GraphQLSchema;
  gateway?: GatewayInterface;
  port: number;
  /** The address to listen on (e.g. 127.0.0.1: this machine only); every interface when unset. */
  host?: string;
  logger: Logger;
  context: ContextFunction<[ExpressContextFunctionArgument], TContext>;
  /**
   * What /ready checks, by name (e.g. `database`, `membership`); each fails by throwing. /health only
   * says the process is alive.
   */
  readiness?: Record<string, () => Promise<unknown>>;
  /** How long a stop lets in-flight requests finish before their connections are closed (default 10 s). */
  drainTimeoutMs?: number;
  /** Lets the gateway add its own routes (static console, playground). */
  configure?: (app: express.Express) => void;
  /** Introspection and "did you mean" suggestions in errors (GRAPHQL_INTROSPECTION): off unless asked for. */
  introspection?: boolean;
  /** The largest request body accepted (BODY_LIMIT_KB); 5 MiB unless given. */
  bodyLimitBytes?: number;
  plugins?: ApolloServerPlugin<TContext>[];
}

const DEFAULT_BODY_LIMIT_BYTES = 5 * 1024 * 1024;

/**
 * graphql-js's "Did you mean …?" names the schema's fields and values. Apollo's hideSchemaDetailsFromClientErrors
 * drops it from validation errors only; a variable's value is checked later (`Field "fullNme" is not defined by
 * type "MemberInput". Did you mean "fullName"?`), so every message goes through this too.
 */
function withoutSuggestions(error: GraphQLFormattedError): GraphQLFormattedError {
  const message = error.message.replace(/ ?Did you mean [^?]*\?/g, '');
  return message === error.message ? error : { ...error, message };
}

/**
 * An operationName that names no operation of the document (or none given for a document of several) is the
 * client's mistake: 400, where graphql-js and the gateway would report an internal error (the gateway a 500).
 */
const operationMustResolve: ApolloServerPlugin<BaseContext> = {
  async requestDidStart() {
    return {
      async didResolveOperation({ operation, request }) {
        if (operation) return;
        const message = request.operationName
          ? `No operation named "${request.operationName}" in the document`
          : 'The document has several operations: say which to run with operationName';
        throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
      },
    };
  },
};

/**
 * Every request gets an id: the client's `x-request-id` when it is a valid one, else a new UUID. It is
 * echoed in the response, and log lines and errors written while the request is handled carry it.
 * At debug level, one line per request.
 */
function requestIds(logger: Logger): express.RequestHandler {
  return (req, res, next) => {
    const requestId = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
    res.setHeader(REQUEST_ID_HEADER, requestId);
    res.locals.requestId = requestId;
    if (logger.isLevelEnabled('debug')) {
      const started = performance.now();
      res.on('finish', () => {
        const ms = Math.round(performance.now() - started);
        logger.debug({ requestId, method: req.method, path: req.originalUrl.split('?')[0], status: res.statusCode, ms }, 'request');
      });
    }
    runWithRequestId(requestId, next);
  };
}

const JSON_CONTENT_TYPE = /^application\/json\s*(;|$)/i;

/** A POST to /graphql must be JSON; anything else is 415 before its body is read (GET stays Apollo's, with its CSRF check). */
const jsonPostsOnly: express.RequestHandler = (req, res, next) => {
  if (req.method !== 'POST' || JSON_CONTENT_TYPE.test(req.headers['content-type'] ?? '')) return next();
  res
    .status(415)
    .json(
      requestErrorBody(
        'Send GraphQL requests as JSON, with Content-Type: application/json',
        'UNSUPPORTED_MEDIA_TYPE',
        res.locals.requestId,
      ),
    );
};

/** body-parser's failures, by their `type`: what the client did wrong, in its words. */
function bodyError(error: { type?: string; limit?: number }): { status: number; code: string; message: string } | undefined {
  switch (error.type) {
    case 'entity.parse.failed':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON (a JSON object or array is expected)' };
    case 'entity.too.large':
      return {
        status: 413,
        code: 'PAYLOAD_TOO_LARGE',
        message: `The request body is larger than the limit of ${Math.floor((error.limit ?? 0) / 1024)} KB`,
      };
    case 'encoding.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'The request body has a Content-Encoding this server does not accept',
      };
    case 'charset.unsupported':
      return {
        status: 415,
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'The request body has a charset this server does not accept (send UTF-8)',
      };
    case 'request.aborted':
    case 'request.size.invalid':
      return { status: 400, code: 'BAD_REQUEST', message: 'The request body did not match its Content-Length' };
    default:
      return undefined;
  }
}

const CLIENT_ERROR_CODES: Record<number, string> = {
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
};

/**
 * The last handler: whatever went wrong outside GraphQL (a bad body, a bad URL, a bug in a route) is a
 * JSON error in the GraphQL shape, never Express's HTML page with a stack trace, whatever NODE_ENV says.
 */
function requestErrors(logger: Logger): express.ErrorRequestHandler {
  return (error: { type?: string; limit?: number; status?: number; expose?: boolean }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const status = error?.status ?? 500;
    const known =
      bodyError(error ?? {}) ??
      (status >= 400 && status < 500
        ? { status, code: CLIENT_ERROR_CODES[status] ?? 'BAD_REQUEST', message: http.STATUS_CODES[status] ?? 'Bad request' }
        : undefined);
    if (!known) logger.error({ err: error }, 'request failed');
    const { status: answer, code, message } = known ?? { status: 500, code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' };
    res.status(answer).json(requestErrorBody(message, code, res.locals.requestId));
  };
}

/** Express + Apollo Server on one HTTP server, with /graphql, /health and /ready, drained on stop. */
export async function startGraphQLServer<TContext extends BaseContext>(options: GraphQLServerOptions<TContext>): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  app.use(requestIds(options.logger));
  const httpServer = http.createServer(app);
  // Longer than clients' and proxies' idle timeouts, so the server is never the one to close a kept-alive
  // connection just as a client reuses it (which the client sees as ECONNRESET).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const executor = options.gateway ? { gateway: options.gateway } : { schema: options.schema! };
  const apollo = new ApolloServer<TContext>({
    ...executor,
    introspection: options.introspection ?? false,
    hideSchemaDetailsFromClientErrors: !options.introspection,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (onShutdownSignal): Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) => {
      const answer = formatError(formatted, {
        original: error,
        onInternal: () => options.logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error }, 'internal error'),
        onTimeout: (timeout) => options.logger.warn({ path: formatted.path, reason: timeout.extensions.reason }, 'database timeout'),
      });
      return options.introspection ? answer : withoutSuggestions(answer);
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.drainTimeoutMs ?? 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
      operationMustResolve,
      ...(options.gateway ? [] : [ApolloServerPluginInlineTraceDisabled()]),
      ...(options.plugins ?? []),
    ],
  });
  await apollo.start();

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  const readiness = readinessChecks(options.readiness ?? {}, options.logger);
  app.get('/ready', async (_req, res) => {
    const checks = await readiness();
    const ready = Object.values(checks).every((state) => state === 'up');
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not ready', checks });
  });
  options.configure?.(app);
  app.all(
    '/graphql',
    jsonPostsOnly,
    express.json({ limit: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES }),
    expressMiddleware(apollo, { context: options.context }),
  );
  app.use((_req, res) => {
    res.status(404).json(requestErrorBody('Not found', 'NOT_FOUND', res.locals.requestId));
  });
  app.use(requestErrors(options.logger));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, options.host, resolve);
  });
  const port = (httpServer.address() as AddressInfo).port;
  const url = `http://localhost:${port}/graphql`;
  return {
    url,
    port,
    stop: async () => {
      await apollo.stop();
    },
  };
}

/** How long one readiness check may take before it counts as down. */
const READINESS_CHECK_MS = 2000;

function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/**
 * Runs the named checks at once and answers each with a fixed word, `up` or `down`; why one is down
 * (an address, a driver message) goes to the log, once when it goes down, never to the caller.
 */
function readinessChecks(checks: Record<string, () => Promise<unknown>>, logger: Logger) {
  const down = new Set<string>();
  return async (): Promise<Record<string, 'up' | 'down'>> => {
    const states = await Promise.all(
      Object.entries(checks).map(async ([name, check]): Promise<[string, 'up' | 'down']> => {
        try {
          await withinTime(check(), READINESS_CHECK_MS);
          if (down.delete(name)) logger.info({ check: name }, 'ready check up again');
          return [name, 'up'];
        } catch (error) {
          if (!down.has(name)) logger.warn({ check: name, ...failureLogFields(error) }, 'ready check down');
          down.add(name);
          return [name, 'down'];
        }
      }),
    );
    return Object.fromEntries(states);
  };
}

/**
 * Runs `shutdown` once, on the first SIGTERM or SIGINT, or when the parent that started this process
 * with an IPC channel (`npm start`) goes away, so nothing is left running behind it; then exits 0.
 * Later signals are logged and ignored: the same stop often arrives twice (to the whole process group
 * and forwarded by a parent), and taking the second as "exit now" would cut the drain short. A stuck
 * shutdown still ends: after `timeoutMs` plus 5 s (closing the pool, stopping PostgreSQL) it exits 1.
 */
export function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>, options: { timeoutMs?: number } = {}): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      logger.info({ signal }, 'already shutting down');
      return;
    }
    stopping = true;
    const started = Date.now();
    logger.info({ signal }, 'shutting down');
    setTimeout(
      () => {
        logger.error('shutdown took too long, exiting');
        process.exit(1);
      },
      (options.timeoutMs ?? 10_000) + 5000,
    ).unref();
    shutdown().then(
      () => {
        logger.info({ ms: Date.now() - started }, 'stopped');
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  if (process.connected) process.once('disconnect', () => stop('parent gone'));
}
