import { Button } from '@mui/material';
import { useState } from 'react';
import { useDataProvider, useListContext, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import type { SangathanDataProvider } from '../dataProvider';

const MARKS = ['ATTENDED', 'COMPLETED', 'NO_SHOW'] as const;

const today = () => new Date().toLocaleDateString('en-CA');

const SET_STATUSES = `mutation SetEnrollmentStatuses($ids: [ID!]!, $status: EnrollmentStatus!, $completedOn: Date) {
  setEnrollmentStatuses(ids: $ids, status: $status, completedOn: $completedOn) { id status }
}`;

/**
 * Bulk attendance for a camp's selected enrolments with setEnrollmentStatuses (all or none). COMPLETED is dated
 * the camp's last day, or today while the camp is still running.
 */
export function EnrollmentStatusButtons() {
  const camp = useRecordContext<{ endsOn?: string }>();
  const { selectedIds, onUnselectItems } = useListContext();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const [busy, setBusy] = useState(false);

  const mark = async (status: (typeof MARKS)[number]) => {
    setBusy(true);
    try {
      const completedOn = status === 'COMPLETED' ? (camp?.endsOn && camp.endsOn < today() ? camp.endsOn : today()) : undefined;
      await dataProvider.mutate(SET_STATUSES, { ids: selectedIds, status, completedOn });
      notify('resources.enrollments.marked', {
        type: 'success',
        messageArgs: { smart_count: selectedIds.length, status: translate(`enums.EnrollmentStatus.${status}`) },
      });
      onUnselectItems();
      refresh();
    } catch (error) {
      // Bad rows come back as "ids.<index>" field messages; otherwise the server's message.
      const { root, ...rows } = (error as { body?: { errors?: Record<string, unknown> } }).body?.errors ?? {};
      const messages = Object.values(rows).filter((message): message is string => typeof message === 'string');
      const serverError = (root as { serverError?: string } | undefined)?.serverError;
      notify(messages.length ? messages.join('; ') : (serverError ?? (error as Error).message), { type: 'error', autoHideDuration: 10000 });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      {MARKS.map((status) => (
        <Button key={status} size="small" disabled={busy} onClick={() => mark(status)}>
          {translate('resources.enrollments.markAs', { status: translate(`enums.EnrollmentStatus.${status}`) })}
        </Button>
      ))}
    </>
  );
}
