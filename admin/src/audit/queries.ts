import type { SangathanDataProvider } from '../dataProvider';

/** Each service keeps its own audit log and answers for it under its own root field. */
export const AUDIT_SERVICES = ['membership', 'itcell', 'training'] as const;
export type AuditService = (typeof AUDIT_SERVICES)[number];

export const AUDIT_ACTIONS = ['CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'MOVE', 'MERGE'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditChange {
  field: string;
  oldValue: string | null;
  newValue: string | null;
}

export interface AuditEntry {
  id: string;
  at: string;
  service: AuditService;
  unitId: string | null;
  actorKind: 'account' | 'partner' | 'service' | 'system';
  actorId: string | null;
  actorName: string | null;
  job: string | null;
  requestId: string | null;
  operation: string | null;
  recordType: string;
  recordId: string;
  action: AuditAction;
  bulk: boolean;
  changes: AuditChange[];
}

/** The API's AuditEntryFilter (dates as ISO strings). */
export interface AuditFilter {
  recordId?: string;
  recordTypes?: string[];
  actorId?: string;
  actions?: AuditAction[];
  from?: string;
  to?: string;
  withinUnit?: string;
  requestId?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor: string | null;
}

/** What a record's History tab and the audit log page read per entry (no `total`: counting a large log is not free). */
const ENTRY =
  'id at service unitId actorKind actorId actorName job requestId operation recordType recordId action bulk changes { field oldValue newValue }';

// The gateway's limits test reads these queries from this file (the /* GraphQL */ marks) and checks them at 500 rows.
const QUERIES: Record<AuditService, string> = {
  membership: /* GraphQL */ `query MembershipAuditEntries($filter: AuditEntryFilter, $page: PageInput) {
    membershipAuditEntries(filter: $filter, page: $page) { items { ${ENTRY} } nextCursor }
  }`,
  itcell: /* GraphQL */ `query ItcellAuditEntries($filter: AuditEntryFilter, $page: PageInput) {
    itcellAuditEntries(filter: $filter, page: $page) { items { ${ENTRY} } nextCursor }
  }`,
  training: /* GraphQL */ `query TrainingAuditEntries($filter: AuditEntryFilter, $page: PageInput) {
    trainingAuditEntries(filter: $filter, page: $page) { items { ${ENTRY} } nextCursor }
  }`,
};

/** The API's largest page; the export reads this many entries per request. */
export const EXPORT_PAGE = 500;

/** One page of a service's entries, newest first; `after` is the previous page's nextCursor. */
export async function fetchAuditPage(
  dataProvider: SangathanDataProvider,
  service: AuditService,
  filter: AuditFilter,
  limit: number,
  after?: string,
): Promise<AuditPage> {
  const data = await dataProvider.query<Record<string, AuditPage>>(QUERIES[service], {
    filter,
    page: after ? { limit, after } : { limit },
  });
  return data[`${service}AuditEntries`];
}

/**
 * Every entry the filter matches, 500 at a time following the cursor. `onProgress` hears the count so far;
 * `cancelled` is asked before each further page, and when it says yes the export stops with null.
 */
export async function fetchAllAuditEntries(
  dataProvider: SangathanDataProvider,
  service: AuditService,
  filter: AuditFilter,
  onProgress: (count: number) => void,
  cancelled: () => boolean,
): Promise<AuditEntry[] | null> {
  const entries: AuditEntry[] = [];
  let after: string | undefined;
  do {
    if (cancelled()) return null;
    const page = await fetchAuditPage(dataProvider, service, filter, EXPORT_PAGE, after);
    entries.push(...page.items);
    onProgress(entries.length);
    after = page.nextCursor ?? undefined;
  } while (after);
  return cancelled() ? null : entries;
}

/** The export's rows: one per changed field (an entry without changed fields is one row with the field empty). */
export function auditCsvRows(entries: AuditEntry[]): Record<string, string | boolean>[] {
  return entries.flatMap((entry) => {
    const common = {
      at: entry.at,
      service: entry.service,
      recordType: entry.recordType,
      recordId: entry.recordId,
      action: entry.action,
      bulk: entry.bulk,
      operation: entry.operation ?? '',
      actorKind: entry.actorKind,
      actorId: entry.actorId ?? '',
      actorName: entry.actorName ?? '',
      job: entry.job ?? '',
      requestId: entry.requestId ?? '',
      unitId: entry.unitId ?? '',
      entryId: entry.id,
    };
    const changes = entry.changes.length ? entry.changes : [{ field: '', oldValue: null, newValue: null }];
    return changes.map((change) => ({ ...common, field: change.field, oldValue: change.oldValue ?? '', newValue: change.newValue ?? '' }));
  });
}
