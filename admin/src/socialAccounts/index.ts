import ShareIcon from '@mui/icons-material/Share';
import { formViews, type ResourceModule } from '../common';
import { SocialAccountForm, keepChosenOwner } from './SocialAccountForm';
import { SocialAccountList } from './SocialAccountList';
import { SocialAccountShow } from './SocialAccountShow';
import { messages } from './messages';
import { platformName } from './platforms';

export const socialAccounts: ResourceModule = {
  name: 'socialAccounts',
  area: 'itcell',
  definition: {
    list: SocialAccountList,
    show: SocialAccountShow,
    ...formViews(SocialAccountForm, { transform: keepChosenOwner }),
    icon: ShareIcon,
    recordRepresentation: (account: { platform: string; handle: string }) => `${platformName(account.platform)} · ${account.handle}`,
  },
  messages,
};
