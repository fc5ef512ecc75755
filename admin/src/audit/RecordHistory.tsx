import { Alert, Box, Button, Divider, LinearProgress, Stack, Typography } from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import {
  SimpleShowLayout,
  Tab,
  TabbedShowLayout,
  useDataProvider,
  useRecordContext,
  useResourceContext,
  useTranslate,
  type SimpleShowLayoutProps,
  type TabbedShowLayoutProps,
} from 'react-admin';
import { useMayReadAudit } from '../auth/hooks';
import type { SangathanDataProvider } from '../dataProvider';
import { AuditActionLabel, AuditChanges, useAuditedResources, useDescribeActor, useFormatDateTime } from './format';
import { fetchAuditPage, type AuditEntry } from './queries';

/** Entries per "Load more". */
const HISTORY_PAGE = 20;

/** One entry of a record's history: when, who, what was done, and each changed field. */
function HistoryEntry({ entry }: { entry: AuditEntry }) {
  const formatDateTime = useFormatDateTime();
  const describeActor = useDescribeActor();
  return (
    <Box sx={{ py: 1.5 }} data-testid="history-entry" data-action={entry.action}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'baseline', flexWrap: 'wrap', mb: 0.5 }}>
        <Typography variant="body2" component="time" dateTime={entry.at} data-testid="audit-at">
          {formatDateTime(entry.at)}
        </Typography>
        <Typography variant="body2" sx={{ fontWeight: 500 }} data-testid="audit-actor">
          {describeActor(entry)}
        </Typography>
        <AuditActionLabel entry={entry} />
      </Stack>
      <AuditChanges entry={entry} />
    </Box>
  );
}

/**
 * The record's history, newest first, read from the audit log of the service that owns it (all of it:
 * the API shows a record's whole history to whoever may see the record now), a page at a time.
 */
export function RecordHistory() {
  const record = useRecordContext();
  const resource = useResourceContext();
  const translate = useTranslate();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const audited = useAuditedResources().find((candidate) => candidate.resource === resource);
  const recordId = record?.id === undefined ? undefined : String(record.id);
  const history = useInfiniteQuery({
    queryKey: ['recordHistory', audited?.service, audited?.recordType, recordId],
    queryFn: ({ pageParam }) =>
      fetchAuditPage(dataProvider, audited!.service, { recordId: recordId!, recordTypes: [audited!.recordType] }, HISTORY_PAGE, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: !!audited && !!recordId,
  });
  if (history.isPending) return <LinearProgress sx={{ my: 2 }} />;
  if (history.isError) return <Alert severity="error">{translate('sangathan.audit.failed', { error: history.error.message })}</Alert>;
  const entries = history.data.pages.flatMap((page) => page.items);
  return (
    <Box data-testid="record-history">
      {entries.length === 0 && (
        <Typography variant="body2" color="text.secondary" sx={{ py: 2 }}>
          {translate('sangathan.audit.empty')}
        </Typography>
      )}
      {entries.map((entry, index) => (
        <Box key={entry.id}>
          {index > 0 && <Divider />}
          <HistoryEntry entry={entry} />
        </Box>
      ))}
      {history.hasNextPage && (
        <Button onClick={() => history.fetchNextPage()} disabled={history.isFetchingNextPage} sx={{ mt: 1 }}>
          {translate('sangathan.audit.loadMore')}
        </Button>
      )}
    </Box>
  );
}

/** The History tab, for the roles that may read the audit log (null for the others, so no tab at all). */
function useHistoryTab(): ReactNode {
  const mayRead = useMayReadAudit();
  return mayRead ? (
    <Tab key="history" label="sangathan.audit.history" path="history">
      <RecordHistory />
    </Tab>
  ) : null;
}

/** A record page's tabs, with a History tab last for admins. Every tabbed record page uses it instead of TabbedShowLayout. */
export function RecordTabs({ children, ...props }: TabbedShowLayoutProps) {
  const history = useHistoryTab();
  return (
    <TabbedShowLayout {...props}>
      {children}
      {history}
    </TabbedShowLayout>
  );
}

/**
 * A record page of one section (instead of SimpleShowLayout): as it is for roles without the audit log; for
 * admins the section becomes a Details tab beside the History tab.
 */
export function RecordLayout({ children, ...props }: SimpleShowLayoutProps) {
  const history = useHistoryTab();
  if (!history) return <SimpleShowLayout {...props}>{children}</SimpleShowLayout>;
  return (
    <TabbedShowLayout>
      <Tab label="sangathan.audit.details">{children}</Tab>
      {history}
    </TabbedShowLayout>
  );
}
