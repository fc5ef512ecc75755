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
  /** The address to listen on (e.g. 127.0.0.1: this machine only); every interface when unset. */
  host?: string;
  logger: Logger;
  context: ContextFunction<[ExpressContextFunctionArgument], TContext>;
  /** Extra readiness check for /ready (e.g. a database ping); /health only says the process is alive. */
  ready?: () => Promise<void>;
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
      formatError(formatted, () =>
        options.logger.error({ err: (error as { originalError?: unknown })?.originalError ?? error }, 'internal error'),
      ),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginLandingPageDisabled(),
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
  app.use('/graphql', express.json({ limit: '5mb' }), expressMiddleware(apollo, { context: options.context }));

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
