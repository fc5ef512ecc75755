import { defineModule } from '@sangathan/common';
import { Account, AccountSession, LoginFailure } from './account.entity';
import { AccountResolver, SessionResolver } from './account.resolver';
import { AccountService } from './account.service';
import { SessionService } from './session.service';

export const accountModule = defineModule({
  name: 'account',
  entities: [Account, AccountSession, LoginFailure],
  resolvers: [AccountResolver, SessionResolver],
  services: { accounts: AccountService, sessions: SessionService },
  access: {
    account: 'accounts:manage',
    accounts: 'accounts:manage',
    createAccount: 'accounts:manage',
    updateAccount: 'accounts:manage',
    deleteAccount: 'accounts:manage',
    deleteAccounts: 'accounts:manage',
    restoreAccount: 'accounts:manage',
    resetAccountPassword: 'accounts:manage',
    logout: 'account',
    changePassword: 'account',
    me: 'account',
  },
});
