import { ApolloServer, type ApolloServerPlugin, type BaseContext, type ContextFunction } from '@apollo/server';
import type { GatewayInterface } from '@apollo/server-gateway-interface';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware, type ExpressContextFunctionArgument } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { formatError } from './errors';
import type { Logger } from './logger';

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
  introspection?: boolean;
  plugins?: ApolloServerPlugin<TContext>[];
}

/** Express + Apollo Server on one HTTP server, with /graphql, /health and /ready, drained on stop. */
export async function startGraphQLServer<TContext extends BaseContext>(options: GraphQLServerOptions<TContext>): Promise<RunningServer> {
  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  // Longer than clients' and proxies' idle timeouts, so the server is never the one to close a kept-alive
  // connection just as a client reuses it (which the client sees as ECONNRESET).
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;
  const executor = options.gateway ? { gateway: options.gateway } : { schema: options.schema! };
  const apollo = new ApolloServer<TContext>({
    ...executor,
    introspection: options.introspection ?? true,
    includeStacktraceInErrorResponses: false,
    // Shutdown is ours (onShutdownSignal): Apollo's own handler would re-raise the signal mid-drain.
    stopOnTerminationSignals: false,
    formatError: (formatted, error) =>
      formatError(formatted, {
        original: error,
        onInternal: () => options.logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error }, 'internal error'),
        onTimeout: (timeout) => options.logger.warn({ path: formatted.path, reason: timeout.extensions.reason }, 'database timeout'),
      }),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer, stopGracePeriodMillis: options.drainTimeoutMs ?? 10_000 }),
      ApolloServerPluginLandingPageDisabled(),
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
  app.use('/graphql', express.json({ limit: '5mb' }), expressMiddleware(apollo, { context: options.context }));

  await new Promise<void>((resolve, reject) => {
    httpServer.once('error', reject);
    httpServer.listen(options.port, resolve);
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
          if (!down.has(name)) logger.warn({ check: name, err: error }, 'ready check down');
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
