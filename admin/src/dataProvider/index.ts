import { ApolloClient, ApolloLink, gql, HttpLink, InMemoryCache } from '@apollo/client';
import pluralize from 'pluralize';
import buildGraphQLProvider, { type IntrospectionResult } from 'ra-data-graphql';
import apiSchema from 'virtual:api-schema';
import {
  CREATE,
  DELETE,
  DELETE_MANY,
  GET_LIST,
  GET_MANY,
  GET_MANY_REFERENCE,
  GET_ONE,
  UPDATE,
  type DataProvider,
  type GetListParams,
  type RaRecord,
} from 'react-admin';
import { buildQueryFactory, buildRestore, MAX_PAGE, type HiddenFields, type ResourceOverride, type ResourceOverrides } from './buildQuery';
import { toHttpError } from './errors';

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** The API's naming (the API conventions in the README): members / member / createMember / updateMember / deleteMember / deleteMembers. */
const operationNames = {
  [GET_LIST]: (type: { name: string }) => lowerFirst(pluralize(type.name)),
  [GET_ONE]: (type: { name: string }) => lowerFirst(type.name),
  [GET_MANY]: (type: { name: string }) => lowerFirst(pluralize(type.name)),
  [GET_MANY_REFERENCE]: (type: { name: string }) => lowerFirst(pluralize(type.name)),
  [CREATE]: (type: { name: string }) => `create${type.name}`,
  [UPDATE]: (type: { name: string }) => `update${type.name}`,
  [DELETE]: (type: { name: string }) => `delete${type.name}`,
  [DELETE_MANY]: (type: { name: string }) => `delete${pluralize(type.name)}`,
};

export interface SangathanDataProvider extends DataProvider {
  /** Undoes a soft delete. */
  restore(resource: string, params: { id: string }): Promise<{ data: RaRecord }>;
  /** Every record matching a list's filter and sort, fetched page by page with the API's cursor. */
  getAll(
    resource: string,
    params: Pick<GetListParams, 'filter' | 'sort'>,
    onProgress?: (done: number, total: number) => void,
  ): Promise<RaRecord[]>;
  /** A raw GraphQL query through the gateway, for the dashboard and the custom pages. */
  query<T = any>(query: string, variables?: Record<string, unknown>): Promise<T>;
  /** A raw GraphQL mutation through the gateway (addMeetingAttendees, setDriveTargets…), its errors mapped alike. */
  mutate<T = Record<string, unknown>>(mutation: string, variables?: Record<string, unknown>): Promise<T>;
  /** The schema as the console sees it (enum choices come from here). */
  introspection: IntrospectionResult;
}

export function gatewayUrl(): string {
  return new URL('/graphql', window.location.origin).toString();
}

export type { HiddenFields, ResourceOverride };

export interface DataProviderOptions {
  uri?: string;
  /** How requests are sent: the session's fetch, which adds the bearer token. */
  fetch?: typeof fetch;
  /** Fields the signed-in account may not read, left out of every query (a viewer's phones and emails). */
  hiddenFields?: HiddenFields;
}

/**
 * A refusal of the whole request (HTTP 400, 403…) still carries GraphQL errors with their codes; handed on as
 * an ordinary GraphQL answer, the codes reach errors.ts instead of a bare "status code 403". A 401 stays a
 * 401: it means the session has ended.
 */
const keepErrorBodies =
  (send: typeof fetch): typeof fetch =>
  async (input, init) => {
    const response = await send(input, init);
    if (response.ok || response.status === 401) return response;
    const text = await response.clone().text();
    try {
      if (Array.isArray(JSON.parse(text)?.errors)) return new Response(text, { status: 200, headers: response.headers });
    } catch {
      // not JSON: Apollo reports the status
    }
    return response;
  };

/**
 * Told which services left fields of an answer empty (SERVICE_UNAVAILABLE below the root): the layout
 * listens and says so once, while the page shows what the other services answered.
 */
export const partialAnswers = new EventTarget();
export const PARTIAL_ANSWER = 'partial-answer';

/**
 * A field below the root can come back null with an error on its path while the rest of the answer is good:
 * FORBIDDEN for a field the account may not read (the console asks for none knowingly: hiddenFields), or
 * SERVICE_UNAVAILABLE for the fields of a service that does not answer right now. Either costs a blank
 * cell, not the page.
 */
const TOLERATED_FIELD_ERRORS = new Set(['FORBIDDEN', 'SERVICE_UNAVAILABLE']);
const tolerateFieldErrors = new ApolloLink((operation, forward) =>
  forward(operation).map((result) => {
    if (!result.errors?.length || !result.data) return result;
    const tolerated = (error: (typeof result.errors)[number]) =>
      TOLERATED_FIELD_ERRORS.has(error.extensions?.code as string) && (error.path?.length ?? 0) > 1;
    const services = new Set(
      result.errors
        .filter((error) => tolerated(error) && error.extensions?.code === 'SERVICE_UNAVAILABLE')
        .map((error) => String(error.extensions?.service)),
    );
    if (services.size) partialAnswers.dispatchEvent(new CustomEvent(PARTIAL_ANSWER, { detail: [...services].sort() }));
    const errors = result.errors.filter((error) => !tolerated(error));
    return { ...result, errors: errors.length ? errors : undefined };
  }),
);

/** `resources`: the console's resources, each with what the data provider adds for it (its `data`). */
export async function buildDataProvider(
  resources: { name: string; data?: ResourceOverride }[],
  { uri = gatewayUrl(), fetch: send = (...args) => window.fetch(...args), hiddenFields = {} }: DataProviderOptions = {},
): Promise<SangathanDataProvider> {
  const overrides: ResourceOverrides = Object.fromEntries(resources.map(({ name, data }) => [name, data]));
  const client = new ApolloClient({
    link: ApolloLink.from([tolerateFieldErrors, new HttpLink({ uri, fetch: keepErrorBodies(send) })]),
    cache: new InMemoryCache(),
    defaultOptions: { query: { fetchPolicy: 'network-only' } },
  });
  const base = buildGraphQLProvider({
    client,
    // The schema built with the console (the gateway does not answer introspection).
    introspection: { schema: apiSchema, operationNames, exclude: ['UnitChange', 'AuthSession'] },
    buildQuery: buildQueryFactory(overrides, hiddenFields),
  });
  const introspection = (await base.getIntrospection()) as IntrospectionResult;

  // Every call's errors become react-admin HttpErrors with field messages (see errors.ts).
  const wrap =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A) =>
      call(...args).catch((error: unknown) => {
        throw toHttpError(error);
      });

  const provider: SangathanDataProvider = {
    introspection,
    getList: wrap(base.getList),
    getOne: wrap(base.getOne),
    getMany: wrap(async (resource, params) => {
      // The API caps a page at 500 ids; larger reference sets are asked for in chunks.
      const chunks: string[][] = [];
      for (let start = 0; start < params.ids.length; start += MAX_PAGE) chunks.push(params.ids.slice(start, start + MAX_PAGE) as string[]);
      const results = await Promise.all(chunks.map((ids) => base.getMany(resource, { ...params, ids })));
      return { data: results.flatMap((result) => result.data) };
    }),
    getManyReference: wrap(base.getManyReference),
    create: wrap(base.create),
    update: wrap(base.update),
    updateMany: wrap(async (resource, params) => {
      // No bulk update in the API: one update per record, all sent at once.
      const results = await Promise.all(
        params.ids.map((id) => base.update(resource, { id, data: params.data, previousData: {} as RaRecord })),
      );
      return { data: results.map((result) => result.data.id) };
    }),
    delete: wrap(base.delete),
    deleteMany: wrap(base.deleteMany),
    restore: wrap(async (resource, { id }) => {
      const built = buildRestore(introspection, overrides, resource, id, hiddenFields);
      const response = await client.mutate({ mutation: built.query, variables: built.variables });
      return built.parseResponse(response as { data: Record<string, unknown> }) as { data: RaRecord };
    }),
    getAll: wrap(async (resource, params, onProgress) => {
      const rows: RaRecord[] = [];
      let after: string | undefined;
      for (;;) {
        const page = await base.getList(resource, {
          filter: params.filter,
          sort: params.sort,
          pagination: { page: 1, perPage: MAX_PAGE },
          meta: after ? { after } : undefined,
        });
        rows.push(...page.data);
        onProgress?.(rows.length, page.total ?? rows.length);
        after = page.meta?.nextCursor ?? undefined;
        if (!after || page.data.length === 0) return rows;
      }
    }),
    query: wrap(async (query, variables) => {
      const response = await client.query({ query: gql(query), variables, fetchPolicy: 'network-only' });
      return response.data;
    }),
    mutate: wrap(async (mutation, variables) => {
      const response = await client.mutate({ mutation: gql(mutation), variables });
      return response.data;
    }),
  };
  return provider;
}
