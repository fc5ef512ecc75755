import type { Logger } from '@sangathan/common';
import {
  Kind,
  type GraphQLFormattedError,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { Agent, fetch, Response } from 'undici';

/** How the gateway talks to one subgraph. */
export interface SubgraphRequestOptions {
  /** How long one request may take, from queueing for a connection to the last byte of the answer. */
  timeoutMs: number;
  /** Kept-alive connections to one subgraph at most; more requests wait for a free one (within their timeout). */
  maxConnections: number;
}

export const DEFAULT_SUBGRAPH_REQUESTS: SubgraphRequestOptions = { timeoutMs: 10_000, maxConnections: 64 };

export type UnavailableReason = 'TIMEOUT' | 'UNREACHABLE';

/** A subgraph gave no answer: nothing listens, the connection broke, or it did not answer in time. */
export class SubgraphUnavailable extends Error {
  constructor(
    readonly subgraph: string,
    readonly reason: UnavailableReason,
    timeoutMs: number,
  ) {
    // Names the service, never its address.
    super(
      reason === 'TIMEOUT'
        ? `The ${subgraph} service did not answer within ${timeoutMs} ms; try again shortly`
        : `The ${subgraph} service is not available right now; try again shortly`,
    );
  }
}

/** The request shape RemoteGraphQLDataSource hands its `fetcher`. */
interface FetcherInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

/**
 * Requests to one subgraph over a bounded pool of kept-alive connections, each with a deadline. A
 * subgraph that does not answer throws SubgraphUnavailable; the first such failure and the recovery
 * after it are logged once each, not every request.
 */
export class SubgraphConnections {
  private readonly agent: Agent;
  private failing = false;

  constructor(
    private readonly subgraph: string,
    private readonly options: SubgraphRequestOptions,
    private readonly logger: Logger,
  ) {
    // An idle connection is kept 30 s at most: we close it well before the subgraph's own 65 s keep-alive timeout.
    this.agent = new Agent({ connections: options.maxConnections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 30_000 });
  }

  readonly fetch = async (url: string, init: FetcherInit = {}): Promise<Response> => {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let answer: Response;
    try {
      const response = await fetch(url, { ...init, dispatcher: this.agent, signal });
      // The body is read under the same deadline: a subgraph that sends headers and then stalls times out too.
      const body = await response.arrayBuffer();
      answer = new Response(body.byteLength ? body : null, {
        status: response.status,
        statusText: response.statusText,
        headers: response.headers,
      });
    } catch (error) {
      const failure = new SubgraphUnavailable(this.subgraph, signal.aborted ? 'TIMEOUT' : 'UNREACHABLE', this.options.timeoutMs);
      if (!this.failing)
        this.logger.warn({ subgraph: this.subgraph, reason: failure.reason, cause: String(error) }, 'subgraph unavailable');
      this.failing = true;
      throw failure;
    }
    if (this.failing) this.logger.info({ subgraph: this.subgraph }, 'subgraph answers again');
    this.failing = false;
    return answer;
  };

  close(): Promise<void> {
    return this.agent.destroy();
  }
}

/**
 * The errors a subgraph request that got no answer stands for: one per field the request asked,
 * with its path in the subgraph's answer (`["camp"]` for a root field, `["_entities", 3, "enrollments"]`
 * for a field of the fourth entity), which the gateway turns into the path in the client's answer.
 */
export function unavailableErrors(document: DocumentNode, variables: Record<string, unknown> | undefined, failure: SubgraphUnavailable) {
  const operation = document.definitions.find(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  /** The response names of the fields a selection asks of an object of this type (all types when undefined). */
  const fieldsOf = (
    selectionSet: SelectionSetNode,
    typename?: string,
  ): { name: string; field: string; selectionSet?: SelectionSetNode }[] =>
    selectionSet.selections.flatMap((selection) => {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') return [];
        return [
          { name: selection.alias?.value ?? selection.name.value, field: selection.name.value, selectionSet: selection.selectionSet },
        ];
      }
      const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
      if (!fragment) return [];
      const condition = fragment.typeCondition?.name.value;
      return typename && condition && condition !== typename ? [] : fieldsOf(fragment.selectionSet, typename);
    });
  const paths: (string | number)[][] = [];
  const seen = new Set<string>();
  const add = (path: (string | number)[]) => {
    const key = JSON.stringify(path);
    if (!seen.has(key)) paths.push(path);
    seen.add(key);
  };
  for (const root of operation ? fieldsOf(operation.selectionSet) : []) {
    if (root.field !== '_entities' || !root.selectionSet) {
      add([root.name]);
      continue;
    }
    const representations = Array.isArray(variables?.representations) ? (variables.representations as { __typename?: string }[]) : [];
    representations.forEach((representation, index) => {
      for (const field of fieldsOf(root.selectionSet!, representation.__typename)) add([root.name, index, field.name]);
    });
  }
  const extensions = { code: 'SERVICE_UNAVAILABLE', service: failure.subgraph, reason: failure.reason };
  return paths.map((path): GraphQLFormattedError => ({ message: failure.message, path, extensions }));
}
