import type { RequestOptions, GraphQLResponse } from '../testing';

/** For tests: every field of an audit entry. */
export const AUDIT_ENTRY_FIELDS =
  'id at service unitId actorKind actorId actorName job requestId operation recordType recordId action bulk changes { field oldValue newValue }';

export interface AuditEntryView {
  id: string;
  at: string;
  service: string;
  unitId: string | null;
  actorKind: string;
  actorId: string | null;
  actorName: string | null;
  job: string | null;
  requestId: string | null;
  operation: string | null;
  recordType: string;
  recordId: string;
  action: string;
  bulk: boolean;
  changes: { field: string; oldValue: string | null; newValue: string | null }[];
}

interface Requester {
  request<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<T>>;
}

type AuditPage = { items: AuditEntryView[]; total: number; nextCursor: string | null };

/** For tests: one page of `<service>AuditEntries` (e.g. `membershipAuditEntries`), as the request's caller. */
export function auditEntryPage(
  service: Requester,
  field: string,
  filter: Record<string, unknown> = {},
  page: Record<string, unknown> = { limit: 500 },
  options?: RequestOptions,
): Promise<GraphQLResponse<Record<string, AuditPage>>> {
  return service.request<Record<string, AuditPage>>(
    `query ($filter: AuditEntryFilter, $page: PageInput) { ${field}(filter: $filter, page: $page) { total nextCursor items { ${AUDIT_ENTRY_FIELDS} } } }`,
    { filter, page },
    options,
  );
}

/** For tests: every entry the caller sees with this filter, newest first, read page by page through nextCursor. */
export async function allAuditEntries(
  service: Requester,
  field: string,
  filter: Record<string, unknown> = {},
  options?: RequestOptions,
  pageSize = 500,
): Promise<AuditEntryView[]> {
  const entries: AuditEntryView[] = [];
  let after: string | undefined;
  do {
    const result = await auditEntryPage(service, field, filter, { limit: pageSize, after }, options);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors, null, 2)}`);
    const page = result.data![field];
    entries.push(...page.items);
    after = page.nextCursor ?? undefined;
  } while (after);
  return entries;
}

/** For tests: each table of the database's schema with its own (non-internal) triggers, by name. */
export async function triggersByTable(dataSource: { query(sql: string): Promise<unknown> }): Promise<Record<string, string[]>> {
  const rows = (await dataSource.query(
    `SELECT c.relname AS "table", coalesce(array_agg(t.tgname::text ORDER BY t.tgname) FILTER (WHERE t.tgname IS NOT NULL), '{}') AS triggers
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_trigger t ON t.tgrelid = c.oid AND NOT t.tgisinternal
      WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema()
      GROUP BY c.relname`,
  )) as { table: string; triggers: string[] }[];
  return Object.fromEntries(rows.map((row) => [row.table, row.triggers]));
}

/** For tests: the tables of `triggersByTable` that carry exactly the three audit triggers. */
export function auditedTables(triggers: Record<string, string[]>): string[] {
  return Object.entries(triggers)
    .filter(([table, names]) => names.join() === ['delete', 'insert', 'update'].map((event) => `audit_${table}_${event}`).join())
    .map(([table]) => table)
    .sort();
}
