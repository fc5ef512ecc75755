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
