import ShareIcon from '@mui/icons-material/Share';
import { SocialAccountCreate } from './SocialAccountCreate';
import { SocialAccountEdit } from './SocialAccountEdit';
import { SocialAccountList } from './SocialAccountList';
import { SocialAccountShow } from './SocialAccountShow';
import { platformName } from './platforms';
import type { ResourceModule } from '../common/resource';
import { messages } from './messages';

export const socialAccounts: ResourceModule = {
  name: 'socialAccounts',
  area: 'itcell',
  definition: {
    list: SocialAccountList,
    show: SocialAccountShow,
    edit: SocialAccountEdit,
    create: SocialAccountCreate,
    icon: ShareIcon,
    recordRepresentation: (account: { platform: string; handle: string }) => `${platformName(account.platform)} · ${account.handle}`,
  },
  messages,
};
