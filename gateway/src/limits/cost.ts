import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@sangathan/common';
import { getNullableType, isListType, isObjectType, type GraphQLCompositeType, type GraphQLField } from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/** What a list without a page or limit argument is taken to hold (a member's positions, a unit's ancestors). */
export const UNPAGED_LIST_SIZE = 10;

/** The `items` of a page type (`MemberPage { items total nextCursor }`): its size is the paged field's. */
function isPageItems(field: GraphQLField<unknown, unknown>, parent: GraphQLCompositeType): boolean {
  return field.name === 'items' && isObjectType(parent) && 'nextCursor' in parent.getFields();
}

const clampPage = (limit: unknown) => Math.min(Math.max(typeof limit === 'number' ? limit : DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE);

/** How many times a field's selection is answered: its page size, its `limit`, or a guess for other lists. */
export function rowsOf(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>, parent: GraphQLCompositeType): number {
  const argNames = new Set(field.args.map((arg) => arg.name));
  // Services refuse a page over MAX_PAGE_SIZE; a page without a limit has DEFAULT_PAGE_SIZE rows.
  if (argNames.has('page')) return clampPage((args.page as { limit?: unknown } | undefined)?.limit);
  if (argNames.has('limit') && typeof args.limit === 'number') return Math.max(args.limit, 1);
  if (!isListType(getNullableType(field.type)) || isPageItems(field, parent)) return 1;
  return UNPAGED_LIST_SIZE;
}

/**
 * The gateway's cost model: every field costs 1, plus its selection's cost times the rows it answers.
 * So `members(page: { limit: 500 }) { items { enrollments { id } } }` costs about 500 times what one
 * member's enrolments cost. Scalars and enums cost 1 whatever their list; introspection costs nothing.
 */
export const pageCostEstimator: ComplexityEstimator = ({ field, args, childComplexity, type }) => {
  if (field.name.startsWith('__')) return 0;
  return 1 + childComplexity * rowsOf(field, args, type);
};
