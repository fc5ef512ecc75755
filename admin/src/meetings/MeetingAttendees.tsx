import PersonAddIcon from '@mui/icons-material/PersonAdd';
import PersonRemoveIcon from '@mui/icons-material/PersonRemove';
import {
  Box,
  Button,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TablePagination,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import {
  Form,
  Link,
  useCanAccess,
  useCreatePath,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { MembersInput, useFormatNumber } from '../common';
import type { SangathanDataProvider } from '../dataProvider';

interface Attendee {
  id: string;
  fullName: string;
  fullNameLatin: string;
  membershipNumber: string;
}

const ATTENDEES = `query MeetingAttendees($id: ID!, $page: PageInput) {
  meeting(id: $id) { id attendees(page: $page) { total items { id fullName fullNameLatin membershipNumber } } }
}`;

/** The API's error for bad rows ("memberIds.2": "…"), or its message. */
function errorText(error: any, translate: (key: string) => string): string {
  const fields = error?.body?.errors as Record<string, unknown> | undefined;
  const messages = fields ? Object.entries(fields).filter(([key]) => key !== 'root') : [];
  return messages.length
    ? messages.map(([, message]) => String(message)).join('; ')
    : translate(error?.message ?? 'ra.notification.http_error');
}

/**
 * The attendance list of a meeting, page by page, with a box to add members (searching names in either
 * script) and a button per row to take one off; both go through add/removeMeetingAttendees.
 */
export function MeetingAttendees() {
  const meeting = useRecordContext();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const queryClient = useQueryClient();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const createPath = useCreatePath();
  const formatNumber = useFormatNumber();
  const [page, setPage] = useState(0);
  const [perPage, setPerPage] = useState(25);
  const [formKey, setFormKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const id = meeting?.id;
  const { canAccess: canChange } = useCanAccess({ resource: 'meetings', action: 'edit' });

  const { data, isPending } = useQuery({
    queryKey: ['meetingAttendees', id, page, perPage],
    enabled: !!id,
    queryFn: () =>
      dataProvider
        .query<{ meeting: { attendees: { total: number; items: Attendee[] } } | null }>(ATTENDEES, {
          id,
          page: { limit: perPage, offset: page * perPage },
        })
        .then((result) => result.meeting?.attendees ?? { total: 0, items: [] }),
  });

  const change = async (mutation: 'addMeetingAttendees' | 'removeMeetingAttendees', memberIds: string[], message: string) => {
    setBusy(true);
    try {
      await dataProvider.mutate(
        `mutation Change($id: ID!, $memberIds: [ID!]!) { ${mutation}(id: $id, memberIds: $memberIds) { id version attendeeCount } }`,
        {
          id,
          memberIds,
        },
      );
      notify(message, { type: 'success', messageArgs: { smart_count: memberIds.length } });
      await queryClient.invalidateQueries({ queryKey: ['meetingAttendees', id] });
      refresh();
      return true;
    } catch (error) {
      notify(errorText(error, translate), { type: 'error' });
      return false;
    } finally {
      setBusy(false);
    }
  };

  if (!meeting) return null;
  return (
    <Box sx={{ width: '100%' }} data-testid="meeting-attendees">
      {canChange && (
        <Form
          key={formKey}
          onSubmit={async (values: Record<string, unknown>) => {
            const memberIds = (values.memberIds ?? []) as string[];
            if (memberIds.length && (await change('addMeetingAttendees', memberIds, 'resources.meetings.attendance.added')))
              setFormKey((key) => key + 1);
          }}
        >
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, flexWrap: 'wrap' }}>
            <Box sx={{ flex: 1, minWidth: 280 }}>
              <MembersInput
                source="memberIds"
                label="resources.meetings.attendance.add"
                filter={{ organizationId: meeting.organizationId }}
              />
            </Box>
            <Button type="submit" variant="outlined" startIcon={<PersonAddIcon />} disabled={busy}>
              {translate('resources.meetings.attendance.addButton')}
            </Button>
          </Box>
        </Form>
      )}
      {!isPending && data?.total === 0 ? (
        <Typography variant="body2">{translate('resources.meetings.attendance.empty')}</Typography>
      ) : (
        <>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('resources.members.fields.fullName', { _: 'Name' })}</TableCell>
                <TableCell>{translate('resources.members.fields.fullNameLatin', { _: 'Latin' })}</TableCell>
                <TableCell>{translate('resources.members.fields.membershipNumber', { _: 'Number' })}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {data?.items.map((attendee) => (
                <TableRow key={attendee.id}>
                  <TableCell>
                    <Link to={createPath({ resource: 'members', id: attendee.id, type: 'show' })}>{attendee.fullName}</Link>
                  </TableCell>
                  <TableCell>{attendee.fullNameLatin}</TableCell>
                  <TableCell>{attendee.membershipNumber}</TableCell>
                  <TableCell align="right">
                    {canChange && (
                      <Tooltip title={translate('resources.meetings.attendance.remove')}>
                        <span>
                          <IconButton
                            size="small"
                            disabled={busy}
                            aria-label={translate('resources.meetings.attendance.remove')}
                            onClick={() => change('removeMeetingAttendees', [attendee.id], 'resources.meetings.attendance.removed')}
                          >
                            <PersonRemoveIcon fontSize="small" />
                          </IconButton>
                        </span>
                      </Tooltip>
                    )}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <TablePagination
            component="div"
            count={data?.total ?? 0}
            page={page}
            onPageChange={(_event, next) => setPage(next)}
            rowsPerPage={perPage}
            rowsPerPageOptions={[25, 50, 100]}
            onRowsPerPageChange={(event) => {
              setPerPage(Number(event.target.value));
              setPage(0);
            }}
            labelRowsPerPage={translate('ra.navigation.page_rows_per_page')}
            labelDisplayedRows={({ from, to, count }) => `${formatNumber(from)}–${formatNumber(to)} / ${formatNumber(count)}`}
          />
        </>
      )}
    </Box>
  );
}
