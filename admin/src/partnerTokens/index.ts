import VpnKeyIcon from '@mui/icons-material/VpnKey';
import { ADMINS_ONLY } from '../auth/permissions';
import { type ResourceModule } from '../common';
import { PartnerTokenCreate } from './PartnerTokenCreate';
import { PartnerTokenEdit } from './PartnerTokenForm';
import { PartnerTokenList } from './PartnerTokenList';
import { PartnerTokenShow } from './PartnerTokenShow';
import { messages } from './messages';

/** A date picked in the form ("2027-03-31") is valid through that whole day, in the admin's time zone. */
const endOfDay = (date: unknown) => (typeof date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(date) ? new Date(`${date}T23:59:59`) : date);

/** Read access for partner apps: admins issue tokens for a scope unit, see the secret once, and revoke them. */
export const partnerTokens: ResourceModule = {
  name: 'partnerTokens',
  area: 'access',
  // Tokens are revoked, never deleted.
  access: { ...ADMINS_ONLY, delete: null },
  definition: {
    list: PartnerTokenList,
    show: PartnerTokenShow,
    create: PartnerTokenCreate,
    edit: PartnerTokenEdit,
    icon: VpnKeyIcon,
    recordRepresentation: (token: { name: string }) => token.name,
  },
  data: { toInput: (data) => ({ ...data, expiresAt: endOfDay(data.expiresAt) || undefined }) },
  messages,
};
