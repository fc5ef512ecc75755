import LockResetIcon from '@mui/icons-material/LockReset';
import { Button } from '@mui/material';
import { useState } from 'react';
import {
  BooleanField,
  CanAccess,
  ReferenceField,
  TextField,
  useDataProvider,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
  useUpdate,
} from 'react-admin';
import { RecordLayout } from '../audit';
import { FieldsError, PasswordDialog } from '../auth/PasswordDialog';
import { EnumField, LocaleDateField, ResourceShow } from '../common';
import type { SangathanDataProvider } from '../dataProvider';

const RESET = `mutation ResetAccountPassword($id: ID!, $newPassword: String!) {
  resetAccountPassword(id: $id, newPassword: $newPassword) { id version }
}`;

/** An admin sets a new password for the account (a forgotten one); the server checks it like any other. */
function ResetPasswordButton() {
  const account = useRecordContext();
  const dataProvider = useDataProvider<SangathanDataProvider>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  if (!account) return null;
  return (
    <>
      <Button size="small" startIcon={<LockResetIcon />} onClick={() => setOpen(true)}>
        {translate('resources.accounts.resetPassword.action')}
      </Button>
      <PasswordDialog
        open={open}
        title={translate('resources.accounts.resetPassword.title', { name: account.displayName })}
        onClose={() => setOpen(false)}
        onSubmit={async ({ newPassword }) => {
          try {
            await dataProvider.mutate(RESET, { id: account.id, newPassword });
          } catch (error: any) {
            const { root, ...fields } = error?.body?.errors ?? {};
            void root;
            if (Object.keys(fields).length) throw new FieldsError(error.message, fields);
            throw error;
          }
          notify('resources.accounts.resetPassword.done', { type: 'success', messageArgs: { name: account.displayName } });
          refresh();
        }}
      />
    </>
  );
}

/** Deactivating ends every session of the account at once; activating lets it sign in again. */
function ActiveToggleButton() {
  const account = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const [update, { isPending }] = useUpdate();
  if (!account) return null;
  const next = !account.active;
  return (
    <Button
      size="small"
      disabled={isPending}
      onClick={() =>
        update(
          'accounts',
          // No expected version: switching an account off (or on) is meant whatever else changed meanwhile (a password reset).
          { id: account.id, data: { active: next }, previousData: { ...account, version: undefined } },
          {
            mutationMode: 'pessimistic',
            onSuccess: () => notify(next ? 'resources.accounts.activated' : 'resources.accounts.deactivated', { type: 'success' }),
            onError: (error: any) => notify(error?.message ?? 'ra.notification.http_error', { type: 'error' }),
          },
        )
      }
    >
      {translate(next ? 'resources.accounts.activate' : 'resources.accounts.deactivate')}
    </Button>
  );
}

export function AccountShow() {
  const translate = useTranslate();
  return (
    <ResourceShow
      extraActions={
        <CanAccess resource="accounts" action="edit">
          <ResetPasswordButton />
          <ActiveToggleButton />
        </CanAccess>
      }
    >
      <RecordLayout>
        <TextField source="displayName" />
        <TextField source="email" />
        <EnumField source="role" enumName="Role" />
        <ReferenceField source="scopeUnitId" reference="orgUnits" link="show" emptyText={translate('sangathan.auth.everything')} />
        <ReferenceField source="organizationId" reference="organizations" link="show" emptyText="—" />
        <ReferenceField source="memberId" reference="members" link="show" emptyText="—" />
        <BooleanField source="active" />
        <LocaleDateField source="lastLoginAt" showTime emptyText="—" />
        <LocaleDateField source="createdAt" showTime />
        <LocaleDateField source="updatedAt" showTime />
      </RecordLayout>
    </ResourceShow>
  );
}
