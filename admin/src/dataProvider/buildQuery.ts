import { gql } from '@apollo/client';
import type {
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionObjectType,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';
import type { IntrospectionResult, IntrospectedResource as RaIntrospectedResource } from 'ra-data-graphql';
import { CREATE, DELETE, DELETE_MANY, GET_LIST, GET_MANY, GET_MANY_REFERENCE, GET_ONE, UPDATE } from 'react-admin';

/** The page size the API accepts at most; getMany asks for ids in chunks of this. */
export const MAX_PAGE = 500;

/** ra-data-graphql's resource: its type and, per react-admin fetch type, the query or mutation found for it. */
type IntrospectedResource = RaIntrospectedResource & { [fetchType: string]: IntrospectionField | undefined } & {
  type: IntrospectionObjectType;
};

/**
 * What differs from the generic mapping for one resource; each resource's index.ts carries its own.
 * - extraFields: nested selections the views need beyond the plain scalar fields.
 * - toInput: turns a form's record into the mutation input when they differ in shape.
 */
export interface ResourceOverride {
  extraFields?: string;
  toInput?: (data: Record<string, any>) => Record<string, any>;
}

/** Overrides by react-admin resource name (= the API's list query name). */
export type ResourceOverrides = Record<string, ResourceOverride | undefined>;

/** Fields left out of every selection, by GraphQL type name (what the signed-in account may not read). */
export type HiddenFields = Record<string, string[] | undefined>;

export interface BuiltQuery {
  query: ReturnType<typeof gql>;
  variables: Record<string, unknown>;
  parseResponse: (response: { data: Record<string, unknown> }) => unknown;
}

/** Unwraps NON_NULL and LIST to the named type. */
export function namedType(ref: IntrospectionTypeRef): { name: string; kind: string } {
  let current = ref;
  while (current.kind === 'NON_NULL' || current.kind === 'LIST') current = (current as { ofType: IntrospectionTypeRef }).ofType;
  return current as { name: string; kind: string };
}

function typeByName(introspection: IntrospectionResult, name: string): IntrospectionType | undefined {
  return introspection.types.find((type) => type.name === name);
}

/** Fields a list or a form can show as they are: scalars and enums (and lists of them) without arguments. */
export function plainFields(type: IntrospectionObjectType): string[] {
  return type.fields
    .filter((field: IntrospectionField) => field.args.length === 0 && ['SCALAR', 'ENUM'].includes(namedType(field.type).kind))
    .map((field) => field.name);
}

function inputFieldNames(introspection: IntrospectionResult, typeName: string | undefined): Set<string> {
  const type = typeName ? (typeByName(introspection, typeName) as IntrospectionInputObjectType | undefined) : undefined;
  return new Set(type?.inputFields.map((field) => field.name) ?? []);
}

function argType(query: IntrospectionField | undefined, arg: string): string | undefined {
  const found = query?.args.find((candidate) => candidate.name === arg);
  return found ? namedType(found.type).name : undefined;
}

/** The resource whose list query is `name` (react-admin resource names are the list query names: members, orgUnits). */
export function findResource(introspection: IntrospectionResult, name: string): IntrospectedResource {
  const resources = introspection.resources as IntrospectedResource[];
  const resource = resources.find((candidate) => candidate[GET_LIST]?.name === name || candidate.type.name === name);
  if (!resource) throw new Error(`Unknown resource "${name}"`);
  return resource;
}

function selection(resource: IntrospectedResource, override: ResourceOverride | undefined, hidden: HiddenFields): string {
  const hide = new Set(hidden[resource.type.name] ?? []);
  const fields = plainFields(resource.type as IntrospectionObjectType).filter((field) => !hide.has(field));
  const extra = override?.extraFields ?? '';
  return `${fields.join(' ')} ${extra}`;
}

/** Keeps only what the input type accepts, and drops '' (an empty search box means "no filter"). */
function pick(data: Record<string, unknown>, allowed: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([key, value]) => allowed.has(key) && value !== '' && value !== undefined));
}

function sortVariable(
  introspection: IntrospectionResult,
  listQuery: IntrospectionField | undefined,
  sort?: { field: string; order: string },
) {
  const sortType = argType(listQuery, 'sort');
  if (!sort?.field || !sortType) return undefined;
  const input = typeByName(introspection, sortType) as IntrospectionInputObjectType | undefined;
  const fieldEnumName = input && namedType(input.inputFields.find((field) => field.name === 'field')!.type).name;
  const fieldEnum = fieldEnumName ? typeByName(introspection, fieldEnumName) : undefined;
  const allowed = fieldEnum && 'enumValues' in fieldEnum ? fieldEnum.enumValues.map((value) => value.name) : [];
  // A column the API cannot sort on keeps the server's default order rather than failing the page.
  if (!allowed.includes(sort.field)) return undefined;
  return [{ field: sort.field, direction: sort.order === 'DESC' ? 'DESC' : 'ASC' }];
}

/**
 * One generic mapping of react-admin's data provider calls onto the API conventions, for every
 * resource the schema has: xs(filter, sort, page), x(id), createX(input), updateX(id, input,
 * expectedVersion), deleteX(id), deleteXs(ids). `resources.ts` adds what differs for a resource.
 */
export const buildQueryFactory =
  (overrides: ResourceOverrides, hidden: HiddenFields = {}) =>
  (introspection: IntrospectionResult) => {
    return (fetchType: string, resourceName: string, params: Record<string, any>): BuiltQuery => {
      const resource = findResource(introspection, resourceName);
      const typeName = resource.type.name;
      const override = overrides[resourceName];
      const fields = selection(resource, override, hidden);
      const listQuery = resource[GET_LIST];
      const filterType = argType(listQuery, 'filter');
      const filterFields = inputFieldNames(introspection, filterType);
      const missing = (what: string) => new Error(`${resourceName} cannot ${what}: the API has no such operation`);

      const list = (
        filter: Record<string, unknown>,
        page: Record<string, unknown>,
        sort?: { field: string; order: string },
      ): BuiltQuery => {
        if (!listQuery) throw missing('be listed');
        return {
          query: gql`query ${listQuery.name}($filter: ${filterType}, $sort: [${argType(listQuery, 'sort')}!], $page: PageInput) {
          ${listQuery.name}(filter: $filter, sort: $sort, page: $page) { items { ${fields} } total nextCursor }
        }`,
          variables: { filter: pick(filter, filterFields), sort: sortVariable(introspection, listQuery, sort), page },
          parseResponse: ({ data }) => {
            const result = data[listQuery.name] as { items: unknown[]; total: number; nextCursor: string | null };
            return { data: result.items, total: result.total, meta: { nextCursor: result.nextCursor } };
          },
        };
      };

      switch (fetchType) {
        case GET_LIST: {
          const { page = 1, perPage = 25 } = params.pagination ?? {};
          const pageVariable = params.meta?.after
            ? { limit: Math.min(perPage, MAX_PAGE), after: params.meta.after }
            : { limit: Math.min(perPage, MAX_PAGE), offset: (page - 1) * perPage };
          return list(params.filter ?? {}, pageVariable, params.sort);
        }
        case GET_MANY_REFERENCE: {
          const { page = 1, perPage = 25 } = params.pagination ?? {};
          const filter = { ...(params.filter ?? {}), [params.target]: params.id };
          return list(filter, { limit: Math.min(perPage, MAX_PAGE), offset: (page - 1) * perPage }, params.sort);
        }
        case GET_MANY: {
          const built = list({ ids: params.ids }, { limit: Math.min(params.ids.length || 1, MAX_PAGE) });
          return { ...built, parseResponse: (response) => ({ data: (built.parseResponse(response) as { data: unknown[] }).data }) };
        }
        case GET_ONE: {
          const query = resource[GET_ONE];
          if (!query) throw missing('be read one by one');
          return {
            query: gql`query ${query.name}($id: ID!) { ${query.name}(id: $id) { ${fields} } }`,
            variables: { id: params.id },
            parseResponse: ({ data }) => {
              if (!data[query.name]) throw Object.assign(new Error('ra.notification.item_doesnt_exist'), { status: 404 });
              return { data: data[query.name] };
            },
          };
        }
        case CREATE: {
          const mutation = resource[CREATE];
          if (!mutation) throw missing('be created');
          const inputType = argType(mutation, 'input')!;
          return {
            query: gql`mutation ${mutation.name}($input: ${inputType}!) { ${mutation.name}(input: $input) { ${fields} } }`,
            variables: {
              input: pick(override?.toInput?.(params.data) ?? params.data, inputFieldNames(introspection, inputType)),
            },
            parseResponse: ({ data }) => ({ data: data[mutation.name] }),
          };
        }
        case UPDATE: {
          const mutation = resource[UPDATE];
          if (!mutation) throw missing('be edited');
          const inputType = argType(mutation, 'input')!;
          const data = override?.toInput?.(params.data) ?? params.data;
          return {
            query: gql`mutation ${mutation.name}($id: ID!, $input: ${inputType}!, $expectedVersion: Int) {
            ${mutation.name}(id: $id, input: $input, expectedVersion: $expectedVersion) { ${fields} }
          }`,
            // The version the user saw: if someone saved in between, the API answers CONFLICT instead of overwriting.
            variables: {
              id: params.id,
              input: pick(data, inputFieldNames(introspection, inputType)),
              expectedVersion: params.previousData?.version ?? undefined,
            },
            parseResponse: ({ data }) => ({ data: data[mutation.name] }),
          };
        }
        case DELETE: {
          const mutation = resource[DELETE];
          if (!mutation) throw missing('be deleted');
          return {
            query: gql`mutation ${mutation.name}($id: ID!) { ${mutation.name}(id: $id) { ${fields} } }`,
            variables: { id: params.id },
            parseResponse: ({ data }) => ({ data: data[mutation.name] }),
          };
        }
        case DELETE_MANY: {
          const mutation = resource[DELETE_MANY];
          if (!mutation) throw missing('be deleted in bulk');
          return {
            query: gql`mutation ${mutation.name}($ids: [ID!]!) { ${mutation.name}(ids: $ids) { id } }`,
            variables: { ids: params.ids },
            parseResponse: ({ data }) => ({ data: (data[mutation.name] as { id: string }[]).map((row) => row.id) }),
          };
        }
        default:
          throw new Error(`${fetchType} is not supported for ${typeName}`);
      }
    };
  };

/** `restoreX(id)`: the undo of a soft delete. */
export function buildRestore(
  introspection: IntrospectionResult,
  overrides: ResourceOverrides,
  resourceName: string,
  id: string,
  hidden: HiddenFields = {},
): BuiltQuery {
  const resource = findResource(introspection, resourceName);
  const name = `restore${resource.type.name}`;
  const fields = selection(resource, overrides[resourceName], hidden);
  return {
    query: gql`mutation ${name}($id: ID!) { ${name}(id: $id) { ${fields} } }`,
    variables: { id },
    parseResponse: ({ data }) => ({ data: data[name] }),
  };
}
