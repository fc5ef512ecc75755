import { ApolloServer, type ApolloServerPlugin, type BaseContext, type ContextFunction } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatError, requestErrorBody } from './errors';
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
  /** Extra readiness check for /ready (e.g. a database ping); /health only says the process is alive. */
  ready?: () => Promise<void>;
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
      const answer = formatError(formatted, () =>
        options.logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error }, 'internal error'),
      );
      return options.introspection ? answer : withoutSuggestions(answer);
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
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
  app.get('/ready', async (_req, res) => {
    try {
      await options.ready?.();
      res.json({ status: 'ready' });
    } catch (error) {
      options.logger.warn({ err: error }, 'not ready');
      res.status(503).json({ status: 'not ready', reason: error instanceof Error ? error.message : String(error) });
    }
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

/**
 * Runs `shutdown` once on SIGTERM or SIGINT, then exits. A second signal exits at once, so a stuck
 * shutdown can always be interrupted.
 */
export function onShutdownSignal(logger: Logger, shutdown: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal, exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'shutting down');
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
