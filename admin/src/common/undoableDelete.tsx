import { Alert, Button } from '@mui/material';
import {
  BulkDeleteButton,
  DeleteButton,
  useDataProvider,
  useGetRecordRepresentation,
  useListContext,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useResourceContext,
  useTranslate,
  type Identifier,
} from 'react-admin';
import type { SangathanDataProvider } from '../dataProvider';

/**
 * Deletes are soft in the API, so "undo" is a real restore: the record is deleted at once (other
 * admins see it gone) and the notification offers to bring it back with restoreX.
 */
function useDeletedNotification() {
  const notify = useNotify();
  const translate = useTranslate();
  const refresh = useRefresh();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  return (resource: string, ids: Identifier[], name: string) => {
    const undo = async () => {
      try {
        await Promise.all(ids.map((id) => dataProvider.restore(resource, { id: String(id) })));
        notify('sangathan.delete.restored', { type: 'success' });
      } catch (error) {
        notify((error as Error).message, { type: 'error' });
      }
      refresh();
    };
    notify(
      <Alert
        severity="info"
        variant="filled"
        action={
          <Button color="inherit" size="small" onClick={undo} data-testid="undo-delete">
            {translate('ra.action.undo')}
          </Button>
        }
      >
        {translate('sangathan.delete.done', { name, smart_count: ids.length })}
      </Alert>,
      { autoHideDuration: 10000 },
    );
  };
}

export function UndoableDeleteButton({ redirect = 'list' }: { redirect?: 'list' | false }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const notifyDeleted = useDeletedNotification();
  const redirectTo = useRedirect();
  const representation = useGetRecordRepresentation(resource);
  if (!record) return null;
  return (
    <DeleteButton
      mutationMode="pessimistic"
      mutationOptions={{
        onSuccess: () => {
          notifyDeleted(resource, [record.id], String(representation(record)));
          if (redirect) redirectTo(redirect, resource);
        },
      }}
    />
  );
}

export function UndoableBulkDeleteButton() {
  const resource = useResourceContext()!;
  const { selectedIds, onUnselectItems } = useListContext();
  const notifyDeleted = useDeletedNotification();
  return (
    <BulkDeleteButton
      mutationMode="pessimistic"
      mutationOptions={{
        onSuccess: () => {
          notifyDeleted(resource, [...selectedIds], String(selectedIds.length));
          onUnselectItems();
        },
      }}
    />
  );
}
