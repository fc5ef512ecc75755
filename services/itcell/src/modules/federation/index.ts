import { defineModule, referenceStub } from '@sangathan/common';
import { MemberExtensionResolver, OrgUnitExtensionResolver } from './federation.resolver';

/** What itcell adds to membership's Member and OrgUnit; a reference to either is all itcell needs. */
export const federationModule = defineModule({
  name: 'federation',
  resolvers: [MemberExtensionResolver, OrgUnitExtensionResolver],
  references: { Member: referenceStub, OrgUnit: referenceStub },
});
