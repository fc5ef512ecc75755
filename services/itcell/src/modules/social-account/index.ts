import { defineModule } from '@sangathan/common';
import { SocialAccount } from './social-account.entity';
import { SocialAccountResolver } from './social-account.resolver';
import { SocialAccountService } from './social-account.service';

export const socialAccountModule = defineModule({
  name: 'social-account',
  entities: [SocialAccount],
  resolvers: [SocialAccountResolver],
  services: { socialAccounts: SocialAccountService },
});
