import { defineModule } from '@sangathan/common';
import { PartnerToken } from './partner-token.entity';
import { PartnerTokenResolver } from './partner-token.resolver';
import { PartnerTokenService } from './partner-token.service';

export const partnerTokenModule = defineModule({
  name: 'partner-token',
  entities: [PartnerToken],
  resolvers: [PartnerTokenResolver],
  services: { partnerTokens: PartnerTokenService },
  access: {
    partnerToken: 'accounts:manage',
    partnerTokens: 'accounts:manage',
    createPartnerToken: 'accounts:manage',
    updatePartnerToken: 'accounts:manage',
    revokePartnerToken: 'accounts:manage',
  },
});
