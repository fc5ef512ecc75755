import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  getVariableValues,
  Kind,
  validate,
  type DocumentNode,
  type GraphQLError,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import type { OperationLimits } from './config';
import { pageCostEstimator } from './cost';
import { limitExceeded } from './errors';

/** Counts the document's tokens with armor's parser, which stops at the first token over the limit. */
export function checkTokens(source: string, maxTokens: number): void {
  // Every token is at least one character: a short document cannot be over the limit.
  if (source.length <= maxTokens) return;
  let over = false;
  try {
    new MaxTokensParserWLexer(source, { n: maxTokens, onReject: [() => (over = true)] }).parseDocument();
  } catch {
    // A syntax error that is not about the limit is Apollo's to report, as for any request.
  }
  if (over)
    throw limitExceeded('TOKEN_LIMIT_EXCEEDED', `The document has more than ${maxTokens} tokens; the limit is ${maxTokens}`, maxTokens);
}

type ArmorRule = typeof maxDepthRule | typeof maxAliasesRule | typeof maxDirectivesRule;

/** Runs one armor rule over the document; the number it found when over `n`, else null. */
function armorFinds(schema: GraphQLSchema, document: DocumentNode, rule: ArmorRule, n: number, options: object = {}): number | null {
  let rejection: GraphQLError | undefined;
  validate(schema, document, [
    rule({ ...options, n, propagateOnRejection: false, onReject: [(_context, error) => (rejection ??= error)] }),
  ]);
  if (!rejection) return null;
  return Number(/found (\d+)/.exec(rejection.message)?.[1] ?? NaN);
}

/** Fields at the root of the operation, through fragments, aliases included; `__typename` reads nothing and is not counted. */
export function countRootFields(document: DocumentNode, operation: OperationDefinitionNode): number {
  const fragments = new Map(
    document.definitions.flatMap((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition.selectionSet] as const] : [],
    ),
  );
  const count = (selectionSet: SelectionSetNode, seen: ReadonlySet<string>): number =>
    selectionSet.selections.reduce((sum, selection) => {
      if (selection.kind === Kind.FIELD) return sum + (selection.name.value === '__typename' ? 0 : 1);
      if (selection.kind === Kind.INLINE_FRAGMENT) return sum + count(selection.selectionSet, seen);
      const fragment = fragments.get(selection.name.value);
      if (!fragment || seen.has(selection.name.value)) return sum;
      return sum + count(fragment, new Set([...seen, selection.name.value]));
    }, 0);
  return count(operation.selectionSet, new Set());
}

/** The operation's estimated cost (cost.ts); Infinity when it has too many fields to estimate. */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  try {
    return getComplexity({ schema, query: document, variables, operationName: operation.name?.value, estimators: [pageCostEstimator] });
  } catch {
    // graphql-query-complexity gives up past 10,000 field nodes (fragments spread many times over).
    return Infinity;
  }
}

/** Checks an operation against every limit but tokens; throws the first one exceeded. */
export function checkOperation(
  limits: OperationLimits,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  // Fragments add no level: the depth is that of the fields as they are answered.
  const depth = armorFinds(schema, document, maxDepthRule, limits.maxDepth, { flattenFragments: true });
  if (depth !== null) {
    throw limitExceeded(
      'DEPTH_LIMIT_EXCEEDED',
      `The operation is ${depth} levels deep; the limit is ${limits.maxDepth}`,
      limits.maxDepth,
      depth,
    );
  }
  const aliases = armorFinds(schema, document, maxAliasesRule, limits.maxAliases);
  if (aliases !== null) {
    throw limitExceeded(
      'ALIAS_LIMIT_EXCEEDED',
      `The operation has ${aliases} aliases; the limit is ${limits.maxAliases}`,
      limits.maxAliases,
      aliases,
    );
  }
  const directives = armorFinds(schema, document, maxDirectivesRule, limits.maxDirectives);
  if (directives !== null) {
    throw limitExceeded(
      'DIRECTIVE_LIMIT_EXCEEDED',
      `The operation has ${directives} directives; the limit is ${limits.maxDirectives}`,
      limits.maxDirectives,
      directives,
    );
  }
  const rootFields = countRootFields(document, operation);
  if (rootFields > limits.maxRootFields) {
    throw limitExceeded(
      'ROOT_FIELD_LIMIT_EXCEEDED',
      `The operation asks for ${rootFields} root fields; the limit is ${limits.maxRootFields}`,
      limits.maxRootFields,
      rootFields,
    );
  }
  // Variables that do not fit their types are reported by execution, with graphql's own message.
  if (getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {}).errors) return;
  const cost = operationCost(schema, document, operation, variables ?? {});
  if (cost > limits.maxCost) {
    const found = Number.isFinite(cost) ? cost : undefined;
    const what = found === undefined ? 'has too many fields to estimate its cost' : `costs ${cost}`;
    throw limitExceeded(
      'COST_LIMIT_EXCEEDED',
      `The operation ${what}; the limit is ${limits.maxCost} (each field costs 1, a page's fields count once per row of its page.limit)`,
      limits.maxCost,
      found,
    );
  }
}

/**
 * The gateway's operation limits but tokens (see GatewayLimits.admit), checked once the operation is
 * known, with its variables (which decide page sizes), and before planning, so no subgraph is called
 * for an operation over one. Each is a GraphQL error with its own code and HTTP 400.
 */
export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (operation) checkOperation(limits, schema, document, operation, request.variables);
        },
      };
    },
  };
}
