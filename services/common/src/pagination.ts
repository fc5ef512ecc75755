import { Field, ID, InputType, Int, ObjectType, registerEnumType, type ClassType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badUserInput } from './errors';
import { serviceLimits } from './limits';

export enum SortDirection {
  ASC = 'ASC',
  DESC = 'DESC',
}
registerEnumType(SortDirection, { name: 'SortDirection' });

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 500;

@InputType({ description: 'Offset paging (offset) or keyset paging (after: a nextCursor from the previous page).' })
export class PageInput {
  @Field(() => Int, { nullable: true, description: `Page size, default ${DEFAULT_PAGE_SIZE}, at most ${MAX_PAGE_SIZE}` })
  limit?: number;

  @Field(() => Int, { nullable: true, description: 'Rows to skip; slow on deep pages, prefer `after`' })
  offset?: number;

  @Field(() => String, { nullable: true, description: 'The nextCursor of the previous page' })
  after?: string;
}

/** One field of a sort order: the GraphQL field name, mapped by each service to an entity property. */
export interface SortField {
  /** Entity property path on the query's main alias, e.g. "fullNameLatin". */
  property: string;
  direction: SortDirection;
}

export interface Page<T> {
  items: T[];
  /** A getter: the count query runs only when `total` is read, i.e. when a client selects it. */
  readonly total: Promise<number>;
  nextCursor: string | null;
}

/** Builds the `XPage { items, total, nextCursor }` object type for an item type. */
export function PageType<T extends object>(itemType: ClassType<T>) {
  @ObjectType()
  abstract class PageClass {
    @Field(() => [itemType])
    items!: T[];

    @Field(() => Int, { description: 'Exact count of everything the filter matches' })
    total!: Promise<number>;

    @Field(() => String, { nullable: true, description: 'Pass as page.after for the next page; null on the last page' })
    nextCursor!: string | null;
  }
  return PageClass;
}

/** Builds a `XSort { field, direction }` input type over an enum of sortable fields. */
export function SortInputType<F extends string>(fieldEnum: Record<string, F>, fieldEnumName: string) {
  registerEnumType(fieldEnum, { name: fieldEnumName });
  @InputType()
  abstract class SortClass {
    @Field(() => fieldEnum)
    field!: F;

    @Field(() => SortDirection, { defaultValue: SortDirection.ASC })
    direction: SortDirection = SortDirection.ASC;
  }
  return SortClass;
}

/** Cursor: the sort values and id of the last row of a page, opaque to clients. */
function encodeCursor(values: unknown[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

function decodeCursor(cursor: string, expectedLength: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(values) && values.length === expectedLength) return values;
  } catch {
    // fall through to the error below
  }
  throw badUserInput({ 'page.after': 'is not a cursor of this list with this sort order' });
}

function readProperty(entity: ObjectLiteral, path: string): unknown {
  const value = path.split('.').reduce<unknown>((object, key) => (object as ObjectLiteral | undefined)?.[key], entity);
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

export function validatePage(page: PageInput | undefined): { limit: number; offset: number; after?: string } {
  const limit = page?.limit ?? DEFAULT_PAGE_SIZE;
  const offset = page?.offset ?? 0;
  const fields: Record<string, string> = {};
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    fields['page.limit'] = `must be between 1 and ${MAX_PAGE_SIZE}`;
  }
  if (offset < 0) fields['page.offset'] = 'must not be negative';
  // Deep offsets make PostgreSQL read and drop every row before the page; the cursor does not.
  const { maxPageOffset } = serviceLimits();
  if (offset > maxPageOffset)
    fields['page.offset'] = `must be at most ${maxPageOffset}; page further with page.after (the nextCursor of the previous page)`;
  if (page?.after && offset > 0) fields['page.offset'] = 'cannot be combined with page.after';
  if (Object.keys(fields).length) throw badUserInput(fields);
  return { limit, offset, after: page?.after ?? undefined };
}

/**
 * Runs a filtered query as one page: stable order (the sort fields, then id) and keyset continuation
 * from `page.after`. For NOT NULL sort columns in one direction the continuation is a row comparison
 * `(a, b, id) > (…)`, which lets PostgreSQL start an index scan at the cursor, so deep pages cost what
 * the first does. Nullable columns sort nulls last in either direction. `total` is exact and counted
 * only when the client asks for it.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  sort: SortField[],
  page: PageInput | undefined,
  options: PaginateOptions = {},
): Promise<Page<T>> {
  const { limit, offset, after } = validatePage(page);
  const alias = query.alias;
  const metadata = query.expressionMap.mainAlias!.metadata;
  // The id tie-breaker runs in the last field's direction, so a one-direction sort stays one-direction.
  const tieBreaker = { property: 'id', direction: sort[sort.length - 1]?.direction ?? SortDirection.ASC };
  const order = [...sort, tieBreaker].map((field, index) => {
    const column = metadata.findColumnWithPropertyPath(field.property);
    const path = `${alias}.${field.property}`;
    return {
      ...field,
      column: options.searching && index === 0 && column ? sameOrderWithoutIndex(path, String(column.type)) : path,
      nullable: column?.isNullable ?? true,
    };
  });

  const countQuery = query.clone();
  let count: Promise<number> | undefined;

  const rows = query.clone();
  order.forEach(({ column, direction, nullable }, index) => {
    const nulls = nullable ? 'NULLS LAST' : undefined;
    if (index === 0) rows.orderBy(column, direction, nulls);
    else rows.addOrderBy(column, direction, nulls);
  });

  if (after) {
    const values = decodeCursor(after, order.length);
    const parameters = Object.fromEntries(values.map((value, index) => [`k${index}`, value]));
    rows.andWhere(keysetCondition(order, values), parameters);
  } else if (offset) {
    rows.skip(offset);
  }

  const items = await rows
    .take(limit + 1)
    .getMany()
    .catch((error: { code?: string }) => {
      // Class 22 (data exception): cursor values that do not fit the columns, i.e. a tampered cursor.
      if (after && error.code?.startsWith('22')) throw badUserInput({ 'page.after': 'is not a cursor of this list with this sort order' });
      throw error;
    });
  const hasMore = items.length > limit;
  if (hasMore) items.pop();
  const last = items[items.length - 1];
  const nextCursor = hasMore && last ? encodeCursor(order.map((field) => readProperty(last, field.property))) : null;
  return {
    items,
    nextCursor,
    get total() {
      return (count ??= countQuery.getCount());
    },
  };
}

export interface PaginateOptions {
  /**
   * The filter is a selective search: find the matches first, then sort them. Otherwise PostgreSQL may
   * walk the whole sort index hoping to meet a few matches early (1 s instead of 30 ms at 500,000 rows).
   */
  searching?: boolean;
}

/** An expression that sorts exactly like the column but that no index provides, so the planner searches first. */
function sameOrderWithoutIndex(path: string, type: string): string {
  if (/char|text|string/i.test(type)) return `(${path} || '')`;
  if (/^(date|int|integer|smallint|bigint|numeric)$/i.test(type)) return `(${path} + 0)`;
  if (/timestamp/i.test(type)) return `(${path} + interval '0 seconds')`;
  return path;
}

type OrderColumn = { column: string; direction: SortDirection; nullable: boolean };

/** SQL for "rows after the cursor values" in this order; parameters are :k0, :k1, … */
function keysetCondition(order: OrderColumn[], values: unknown[]): string {
  const oneDirection = order.every((field) => field.direction === order[0].direction);
  const noNulls = order.every((field, index) => !field.nullable && values[index] !== null);
  if (oneDirection && noNulls) {
    const operator = order[0].direction === SortDirection.ASC ? '>' : '<';
    return `(${order.map((field) => field.column).join(', ')}) ${operator} (${order.map((_, index) => `:k${index}`).join(', ')})`;
  }
  const alternatives: string[] = [];
  order.forEach((field, index) => {
    const equalities = order.slice(0, index).map((previous, j) => equals(previous.column, values[j], `k${j}`));
    const beyond = isAfter(field, values[index], `k${index}`);
    if (beyond) alternatives.push([...equalities, beyond].join(' AND '));
  });
  return alternatives.length ? `(${alternatives.map((alternative) => `(${alternative})`).join(' OR ')})` : 'FALSE';
}

function equals(column: string, value: unknown, parameter: string): string {
  return value === null ? `${column} IS NULL` : `${column} = :${parameter}`;
}

/** Rows strictly after `value` in this direction, nulls last; null when nothing can follow a null. */
function isAfter(field: OrderColumn, value: unknown, parameter: string): string | null {
  if (value === null) return null;
  const operator = field.direction === SortDirection.ASC ? '>' : '<';
  return field.nullable
    ? `(${field.column} ${operator} :${parameter} OR ${field.column} IS NULL)`
    : `${field.column} ${operator} :${parameter}`;
}

/** `ids` filter argument shared by every list. */
@InputType()
export abstract class IdsFilter {
  @Field(() => [ID], { nullable: true })
  ids?: string[];
}

/** The API's sort inputs as SortFields, or the given default order. */
export function toSortFields(sort: { field: string; direction: SortDirection }[] | undefined, fallback: string): SortField[] {
  return sort?.length
    ? sort.map((entry) => ({ property: entry.field, direction: entry.direction }))
    : [{ property: fallback, direction: SortDirection.ASC }];
}

/** Applies the `ids` filter; an empty list matches nothing. */
export function whereIds(query: SelectQueryBuilder<ObjectLiteral>, ids: string[] | undefined): void {
  if (ids) query.andWhere(`${query.alias}.id IN (:...filterIds)`, { filterIds: ids.length ? ids : [null] });
}
