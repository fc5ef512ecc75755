import ManageAccountsIcon from '@mui/icons-material/ManageAccounts';
import { ADMINS_ONLY } from '../auth/permissions';
import { formViews, type ResourceModule } from '../common';
import { AccountForm } from './AccountForm';
import { AccountList } from './AccountList';
import { AccountShow } from './AccountShow';
import { messages } from './messages';

/** Who signs in to the console: admins manage the accounts within their scope. */
export const accounts: ResourceModule = {
  name: 'accounts',
  area: 'access',
  access: ADMINS_ONLY,
  definition: {
    list: AccountList,
    show: AccountShow,
    ...formViews(AccountForm, { create: { record: { role: 'VIEWER' } } }),
    icon: ManageAccountsIcon,
    recordRepresentation: (account: { displayName: string; email: string }) => `${account.displayName} · ${account.email}`,
  },
  messages,
};
