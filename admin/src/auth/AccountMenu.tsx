import KeyIcon from '@mui/icons-material/Key';
import { Box, ListItemIcon, ListItemText, MenuItem, Typography } from '@mui/material';
import { useState } from 'react';
import { Logout, UserMenu, useGetIdentity, useNotify, useTranslate, useUserMenu } from 'react-admin';
import type { SangathanIdentity } from './authProvider';
import { FieldsError, PasswordDialog } from './PasswordDialog';
import { AuthError, session } from './session';

/** "Editor · Lucknow": the role and where the account may see, as the app bar shows it. */
export function useAccountScope(): string | null {
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const account = identity as SangathanIdentity | undefined;
  if (!account) return null;
  // No scope unit: everything (a superadmin); a scope unit whose name did not come: the role alone.
  const where = account.scopeUnitName ?? (account.scopeUnitId ? null : translate('sangathan.auth.everything'));
  return [translate(`enums.Role.${account.role}`, { _: account.role }), where].filter(Boolean).join(' · ');
}

/** In the app bar, beside the account's name: its role and scope unit (hidden on phones, where the menu says it). */
export function AccountScope() {
  const scope = useAccountScope();
  if (!scope) return null;
  return (
    <Typography
      variant="body2"
      data-testid="account-scope"
      sx={{ opacity: 0.85, whiteSpace: 'nowrap', display: { xs: 'none', md: 'block' } }}
    >
      {scope}
    </Typography>
  );
}

/** Changing one's own password: the current one, then the new one twice; the server checks both. */
function ChangePasswordDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <PasswordDialog
      open={open}
      askCurrent
      title={translate('sangathan.auth.changePassword.action')}
      onClose={onClose}
      onSubmit={async ({ currentPassword, newPassword }) => {
        try {
          await session.changePassword(currentPassword, newPassword);
        } catch (error) {
          if (!(error instanceof AuthError)) throw error;
          if (error.details.fields) throw new FieldsError(error.message, error.details.fields);
          if (error.code === 'UNAUTHENTICATED')
            throw new FieldsError(error.message, { currentPassword: translate('sangathan.auth.wrongCredentials') });
          throw error;
        }
        notify('sangathan.auth.changePassword.done', { type: 'success' });
      }}
    />
  );
}

function ChangePasswordItem({ onOpen }: { onOpen: () => void }) {
  const translate = useTranslate();
  const userMenu = useUserMenu();
  return (
    <MenuItem
      onClick={() => {
        userMenu?.onClose();
        onOpen();
      }}
    >
      <ListItemIcon>
        <KeyIcon fontSize="small" />
      </ListItemIcon>
      <ListItemText>{translate('sangathan.auth.changePassword.action')}</ListItemText>
    </MenuItem>
  );
}

/** Who is signed in (name, email, role and scope unit), change password, sign out. */
export function AccountMenu() {
  const { identity } = useGetIdentity();
  const scope = useAccountScope();
  const [changing, setChanging] = useState(false);
  const account = identity as SangathanIdentity | undefined;
  return (
    <>
      <UserMenu>
        {account && (
          <Box sx={{ px: 2, py: 1 }} data-testid="account-summary">
            <Typography variant="subtitle2">{account.fullName}</Typography>
            <Typography variant="body2" color="text.secondary">
              {account.email}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {scope}
            </Typography>
          </Box>
        )}
        <ChangePasswordItem onOpen={() => setChanging(true)} />
        <Logout />
      </UserMenu>
      <ChangePasswordDialog open={changing} onClose={() => setChanging(false)} />
    </>
  );
}
