import DownloadIcon from '@mui/icons-material/GetApp';
import KeyboardArrowDownIcon from '@mui/icons-material/KeyboardArrowDown';
import KeyboardArrowRightIcon from '@mui/icons-material/KeyboardArrowRight';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Collapse,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  LinearProgress,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useInfiniteQuery } from '@tanstack/react-query';
import jsonExport from 'jsonexport/dist';
import { Fragment, useRef, useState, type MouseEvent } from 'react';
import { useWatch } from 'react-hook-form';
import {
  DateTimeInput,
  downloadCSV,
  Form,
  Link,
  required,
  SelectArrayInput,
  SelectInput,
  TextInput,
  Title,
  useCreatePath,
  useDataProvider,
  useNotify,
  useStore,
  useTranslate,
} from 'react-admin';
import { useMayReadAudit } from '../auth/hooks';
import { UnitInput, useFormatNumber } from '../common';
import type { SangathanDataProvider } from '../dataProvider';
import { resources } from '../resources';
import { AuditActionLabel, AuditChanges, useAuditedResources, useDescribeActor, useFormatDateTime, useRecordTypeLabel } from './format';
import {
  AUDIT_ACTIONS,
  AUDIT_SERVICES,
  auditCsvRows,
  fetchAllAuditEntries,
  fetchAuditPage,
  type AuditAction,
  type AuditEntry,
  type AuditFilter,
  type AuditService,
} from './queries';

/** Entries per "Load more". */
const LOG_PAGE = 50;

/** What the filter form holds; times as the datetime inputs write them (local time, no zone). */
interface LogFilterValues {
  service: AuditService;
  recordTypes?: string[];
  actions?: AuditAction[];
  actorId?: string;
  from?: string;
  to?: string;
  withinUnit?: string;
  requestId?: string;
}

const INITIAL: LogFilterValues = { service: 'membership' };

/** Record types a service keeps that are no console resource (a meeting's attendance rows). */
const OTHER_TYPES: Record<AuditService, string[]> = { membership: [], itcell: ['MeetingAttendee'], training: [] };

function useRecordTypeChoices(service: AuditService) {
  const audited = useAuditedResources();
  const typeLabel = useRecordTypeLabel();
  const types = [
    ...audited.filter((candidate) => candidate.service === service).map((candidate) => candidate.recordType),
    ...OTHER_TYPES[service],
  ];
  return types.map((recordType) => ({ id: recordType, name: typeLabel(recordType) }));
}

/** The form's values as the API's filter: empty fields left out, local times as instants, types of the chosen service only. */
function toApiFilter(values: LogFilterValues, serviceTypes: string[]): AuditFilter {
  const text = (value: string | undefined) => (value?.trim() ? value.trim() : undefined);
  const instant = (value: string | undefined) => (value ? new Date(value).toISOString() : undefined);
  const recordTypes = (values.recordTypes ?? []).filter((type) => serviceTypes.includes(type));
  const filter: AuditFilter = {
    recordTypes: recordTypes.length ? recordTypes : undefined,
    actions: values.actions?.length ? values.actions : undefined,
    actorId: text(values.actorId),
    from: instant(values.from),
    to: instant(values.to),
    withinUnit: values.withinUnit || undefined,
    requestId: text(values.requestId),
  };
  return Object.fromEntries(Object.entries(filter).filter(([, value]) => value !== undefined));
}

function RecordTypesInput() {
  const service = useWatch<LogFilterValues>({ name: 'service' }) as AuditService;
  return (
    <SelectArrayInput
      source="recordTypes"
      label="sangathan.audit.log.recordTypes"
      choices={useRecordTypeChoices(service ?? 'membership')}
      translateChoice={false}
      helperText={false}
    />
  );
}

function FilterForm({ values, onApply }: { values: LogFilterValues; onApply: (values: LogFilterValues) => void }) {
  const translate = useTranslate();
  return (
    <Form record={values} onSubmit={(submitted: Record<string, any>) => onApply(submitted as LogFilterValues)}>
      <Box sx={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))', columnGap: 2, width: '100%' }}>
        <SelectInput
          source="service"
          label="sangathan.audit.log.service"
          choices={AUDIT_SERVICES.map((service) => ({ id: service, name: `sangathan.menu.${service}` }))}
          validate={required()}
          helperText={false}
        />
        <RecordTypesInput />
        <SelectArrayInput
          source="actions"
          label="sangathan.audit.log.actions"
          choices={AUDIT_ACTIONS.map((action) => ({ id: action, name: `enums.AuditAction.${action}` }))}
          helperText={false}
        />
        <TextInput source="actorId" label="sangathan.audit.log.actorId" helperText={false} />
        <DateTimeInput source="from" label="sangathan.audit.log.from" helperText={false} />
        <DateTimeInput source="to" label="sangathan.audit.log.to" helperText={false} />
        <UnitInput source="withinUnit" label="sangathan.filters.withinUnit" helperText={false} />
        <TextInput source="requestId" label="sangathan.audit.log.requestId" helperText={false} />
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        <Button type="submit" variant="contained" size="small">
          {translate('sangathan.audit.log.apply')}
        </Button>
        <Button size="small" onClick={() => onApply(INITIAL)}>
          {translate('sangathan.audit.log.clear')}
        </Button>
      </Stack>
    </Form>
  );
}

/**
 * Downloads everything the filter matches as CSV, one row per changed field: the entries are read 500 at a
 * time following the cursor while a dialog counts them; Cancel stops before the next page.
 */
function ExportButton({ service, filter }: { service: AuditService; filter: AuditFilter }) {
  const translate = useTranslate();
  const notify = useNotify();
  const formatNumber = useFormatNumber();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const [count, setCount] = useState<number | null>(null);
  const cancelled = useRef(false);

  const run = async () => {
    cancelled.current = false;
    setCount(0);
    try {
      const entries = await fetchAllAuditEntries(dataProvider, service, filter, setCount, () => cancelled.current);
      if (entries === null) {
        notify('sangathan.audit.export.cancelled', { type: 'info' });
      } else if (!entries.length) {
        notify('sangathan.audit.log.none', { type: 'info' });
      } else {
        const csv = await new Promise<string>((resolve, reject) =>
          jsonExport(auditCsvRows(entries), (error: Error | null, text: string) => (error ? reject(error) : resolve(text))),
        );
        downloadCSV(csv, `audit-log-${service}`);
        notify('sangathan.audit.export.done', { type: 'success', messageArgs: { smart_count: entries.length } });
      }
    } catch (error) {
      notify('sangathan.export.failed', { type: 'error', messageArgs: { error: (error as Error).message } });
    } finally {
      setCount(null);
    }
  };

  return (
    <>
      <Button size="small" startIcon={<DownloadIcon />} onClick={run} disabled={count !== null}>
        {translate('sangathan.audit.export.button')}
      </Button>
      <Dialog open={count !== null} aria-labelledby="audit-export-title">
        <DialogTitle id="audit-export-title">{translate('sangathan.audit.export.title')}</DialogTitle>
        <DialogContent sx={{ minWidth: 300 }}>
          <LinearProgress />
          <Typography variant="body2" sx={{ mt: 1 }} data-testid="audit-export-progress">
            {translate('sangathan.audit.export.progress', { count: formatNumber(count ?? 0) })}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => (cancelled.current = true)}>{translate('ra.action.cancel')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
}

/** The record an entry is about: its type, and a link to its page when the console has one. */
function RecordCell({ entry }: { entry: AuditEntry }) {
  const typeLabel = useRecordTypeLabel();
  const createPath = useCreatePath();
  const audited = useAuditedResources().find((candidate) => candidate.recordType === entry.recordType);
  const hasShow = audited && resources.find((resource) => resource.name === audited.resource)?.definition.show;
  return (
    <>
      <Typography variant="body2" component="span">
        {typeLabel(entry.recordType)}
      </Typography>{' '}
      {hasShow ? (
        <MuiLink
          component={Link}
          to={createPath({ resource: audited.resource, id: entry.recordId, type: 'show' })}
          onClick={(event: MouseEvent) => event.stopPropagation()}
          variant="caption"
          sx={{ fontFamily: 'monospace' }}
        >
          {entry.recordId.slice(0, 8)}
        </MuiLink>
      ) : (
        <Typography variant="caption" sx={{ fontFamily: 'monospace' }}>
          {entry.recordId.slice(0, 8)}
        </Typography>
      )}
    </>
  );
}

/** An opened entry: its changes, and the ids to narrow the log by. */
function EntryDetails({ entry, narrow }: { entry: AuditEntry; narrow: (values: Partial<LogFilterValues>) => void }) {
  const translate = useTranslate();
  const meta: [string, string | null][] = [
    ['recordId', entry.recordId],
    ['actorId', entry.actorId],
    ['requestId', entry.requestId],
    ['unitId', entry.unitId],
  ];
  return (
    <Box sx={{ py: 1 }} data-testid="audit-entry-details">
      <AuditChanges entry={entry} />
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: 2, rowGap: 0.5, mt: 1, mb: 0 }}>
        {meta
          .filter(([, value]) => value)
          .map(([name, value]) => (
            <Fragment key={name}>
              <Typography component="dt" variant="caption" color="text.secondary">
                {translate(`sangathan.audit.log.${name}`)}
              </Typography>
              <Typography component="dd" variant="caption" sx={{ m: 0, fontFamily: 'monospace' }}>
                {value}
              </Typography>
            </Fragment>
          ))}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 1 }}>
        {entry.actorId && (
          <Button size="small" onClick={() => narrow({ actorId: entry.actorId! })}>
            {translate('sangathan.audit.log.byActor')}
          </Button>
        )}
        {entry.requestId && (
          <Button size="small" onClick={() => narrow({ requestId: entry.requestId! })}>
            {translate('sangathan.audit.log.byRequest')}
          </Button>
        )}
      </Stack>
    </Box>
  );
}

function EntryRow({ entry, narrow }: { entry: AuditEntry; narrow: (values: Partial<LogFilterValues>) => void }) {
  const [open, setOpen] = useState(false);
  const formatDateTime = useFormatDateTime();
  const describeActor = useDescribeActor();
  const translate = useTranslate();
  return (
    <>
      <TableRow
        hover
        onClick={() => setOpen(!open)}
        sx={{ cursor: 'pointer', '& > td': { borderBottom: open ? 'none' : undefined } }}
        data-testid="audit-row"
      >
        <TableCell padding="checkbox">
          <IconButton size="small" aria-label={translate(open ? 'ra.action.close' : 'sangathan.audit.log.open')} aria-expanded={open}>
            {open ? <KeyboardArrowDownIcon /> : <KeyboardArrowRightIcon />}
          </IconButton>
        </TableCell>
        <TableCell>
          <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
        </TableCell>
        <TableCell data-testid="audit-actor">{describeActor(entry)}</TableCell>
        <TableCell>
          <AuditActionLabel entry={entry} />
        </TableCell>
        <TableCell>
          <RecordCell entry={entry} />
        </TableCell>
        <TableCell>{translate('sangathan.audit.log.fieldCount', { smart_count: entry.changes.length })}</TableCell>
      </TableRow>
      <TableRow>
        <TableCell colSpan={6} sx={{ py: 0, ...(open ? {} : { borderBottom: 'none' }) }}>
          <Collapse in={open} unmountOnExit>
            <EntryDetails entry={entry} narrow={narrow} />
          </Collapse>
        </TableCell>
      </TableRow>
    </>
  );
}

function EntryTable({
  service,
  filter,
  narrow,
}: {
  service: AuditService;
  filter: AuditFilter;
  narrow: (values: Partial<LogFilterValues>) => void;
}) {
  const translate = useTranslate();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const log = useInfiniteQuery({
    queryKey: ['auditLog', service, filter],
    queryFn: ({ pageParam }) => fetchAuditPage(dataProvider, service, filter, LOG_PAGE, pageParam),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (log.isPending) return <LinearProgress sx={{ my: 2 }} />;
  if (log.isError) return <Alert severity="error">{translate('sangathan.audit.failed', { error: log.error.message })}</Alert>;
  const entries = log.data.pages.flatMap((page) => page.items);
  if (!entries.length)
    return (
      <Typography variant="body2" color="text.secondary" sx={{ py: 2 }} data-testid="audit-log-empty">
        {translate('sangathan.audit.log.none')}
      </Typography>
    );
  return (
    <>
      <Table size="small" data-testid="audit-log">
        <TableHead>
          <TableRow>
            <TableCell padding="checkbox" />
            <TableCell>{translate('sangathan.audit.log.columns.at')}</TableCell>
            <TableCell>{translate('sangathan.audit.log.columns.actor')}</TableCell>
            <TableCell>{translate('sangathan.audit.log.columns.action')}</TableCell>
            <TableCell>{translate('sangathan.audit.log.columns.record')}</TableCell>
            <TableCell>{translate('sangathan.audit.log.columns.changes')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {entries.map((entry) => (
            <EntryRow key={entry.id} entry={entry} narrow={narrow} />
          ))}
        </TableBody>
      </Table>
      {log.hasNextPage && (
        <Button onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage} sx={{ mt: 1 }}>
          {translate('sangathan.audit.loadMore')}
        </Button>
      )}
    </>
  );
}

/**
 * The audit log of one service at a time (each keeps its own), for admins: filters, newest first with
 * "Load more" (the API pages by cursor), an entry opened by a click, and an export of all it matches.
 */
export function AuditLog() {
  const translate = useTranslate();
  const mayRead = useMayReadAudit();
  const [values, setValues] = useStore<LogFilterValues>('auditLog.filter', INITIAL);
  // A new form whenever the values are set from outside it (Clear, "only this actor").
  const [formKey, setFormKey] = useState(0);
  const serviceTypes = useRecordTypeChoices(values.service).map((choice) => choice.id);
  const filter = toApiFilter(values, serviceTypes);
  const apply = (next: LogFilterValues, fromOutside = false) => {
    setValues(next);
    if (fromOutside) setFormKey((key) => key + 1);
  };
  return (
    <Card sx={{ mt: 2 }}>
      <Title title="sangathan.audit.log.title" />
      <CardContent>
        {!mayRead ? (
          <Alert severity="info">{translate('sangathan.audit.log.onlyAdmins')}</Alert>
        ) : (
          <>
            <FilterForm key={formKey} values={values} onApply={(next) => apply(next, next === INITIAL)} />
            <Stack direction="row" sx={{ justifyContent: 'flex-end', my: 1 }}>
              <ExportButton service={values.service} filter={filter} />
            </Stack>
            <EntryTable service={values.service} filter={filter} narrow={(narrowed) => apply({ ...values, ...narrowed }, true)} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
