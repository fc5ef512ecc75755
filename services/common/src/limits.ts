import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getArgumentValues,
  getVariableValues,
  type DocumentNode,
  type FieldNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { EnvReader } from './config';
import type { FieldMessages } from './errors';

/** Bounds every service applies to what one request may ask for, read once from the environment. */
export interface ServiceLimits {
  /** Largest `page.offset`: deeper pages are read with `page.after` (keyset paging costs the same at any depth). */
  maxPageOffset: number;
  /** Most units a roll-up by unit (`progressByUnit(level)`) may answer: one row per unit. */
  maxRollupUnits: number;
  /** Longest list anywhere in a mutation's arguments (`ids`, `memberIds`, `targets`, `input.attendeeIds`…). */
  maxBulkItems: number;
}

export const DEFAULT_SERVICE_LIMITS: ServiceLimits = { maxPageOffset: 10_000, maxRollupUnits: 2_000, maxBulkItems: 500 };

/** MAX_PAGE_OFFSET (10,000), MAX_ROLLUP_UNITS (2,000), MAX_BULK_ITEMS (500). */
export function readServiceLimits(env = new EnvReader()): ServiceLimits {
  return {
    maxPageOffset: env.integer('MAX_PAGE_OFFSET', DEFAULT_SERVICE_LIMITS.maxPageOffset, 0, 1_000_000_000),
    maxRollupUnits: env.integer('MAX_ROLLUP_UNITS', DEFAULT_SERVICE_LIMITS.maxRollupUnits, 1, 1_000_000),
    maxBulkItems: env.integer('MAX_BULK_ITEMS', DEFAULT_SERVICE_LIMITS.maxBulkItems, 1, 1_000_000),
  };
}

let current: ServiceLimits | undefined;

/**
 * The process's limits, read from the environment on first use. A service process reads them at start
 * (runService), so a bad value stops it with a message naming the variable.
 */
export function serviceLimits(): ServiceLimits {
  return (current ??= readServiceLimits());
}

/** Replaces some of the process's limits: for tests (each jest file has its own module instance) and the benchmark. */
export function setServiceLimits(limits: Partial<ServiceLimits>): void {
  current = { ...serviceLimits(), ...limits };
}

/** A BAD_USER_INPUT refused before anything runs; HTTP 200 like any GraphQL error, so the gateway passes it on as it is. */
function refused(fields: FieldMessages): GraphQLError {
  const message = Object.entries(fields)
    .map(([field, text]) => `${field}: ${text}`)
    .join('; ');
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', fields, http: { status: 200 } } });
}

/** The root field nodes of an operation, through fragments. */
function rootFieldNodes(document: DocumentNode, operation: OperationDefinitionNode): FieldNode[] {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet] as const] : [],
    ),
  );
  const fields: FieldNode[] = [];
  const visit = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.push(selection);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, seen);
      else if (!seen.has(selection.name.value)) {
        const fragment = fragments.get(selection.name.value);
        if (fragment) visit(fragment, new Set([...seen, selection.name.value]));
      }
    }
  };
  visit(operation.selectionSet, new Set());
  return fields;
}

/** Every list longer than `max` in an argument value, by its path (`ids`, `input.sessions.0.speakerIds`). */
function longLists(value: unknown, path: string, max: number, found: FieldMessages): void {
  if (Array.isArray(value)) {
    if (value.length > max) found[path] = `at most ${max} items in one request, got ${value.length}`;
    else value.forEach((item, index) => longLists(item, `${path}.${index}`, max, found));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) longLists(item, `${path}.${key}`, max, found);
  }
}

/** The over-long lists in a mutation's arguments, by argument path; empty when there are none. */
export function overlongMutationLists(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  max: number,
): FieldMessages {
  const mutationType = schema.getMutationType();
  const found: FieldMessages = {};
  if (operation.operation !== 'mutation' || !mutationType) return found;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  // Variables that do not fit their types are reported by execution, with graphql's own message.
  if (coerced.errors) return found;
  for (const node of rootFieldNodes(document, operation)) {
    const field = mutationType.getFields()[node.name.value];
    if (!field) continue;
    const args = getArgumentValues(field, node, coerced.coerced);
    for (const [name, value] of Object.entries(args)) longLists(value, name, max, found);
  }
  return found;
}

/**
 * Refuses a mutation with a list argument longer than MAX_BULK_ITEMS anywhere in it (bulk deletes,
 * enrolments, attendance, targets, lists inside inputs) before any resolver runs, so nothing changes:
 * BAD_USER_INPUT naming each over-long list.
 */
export function bulkListLimitPlugin(limits: () => ServiceLimits = serviceLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const found = overlongMutationLists(schema, document, operation, request.variables, limits().maxBulkItems);
          if (Object.keys(found).length) throw refused(found);
        },
      };
    },
  };
}
