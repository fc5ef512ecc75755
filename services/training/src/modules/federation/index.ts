import { defineModule, referenceStub } from '@sangathan/common';
import { MemberTrainingResolver, OrgUnitCampsResolver } from './federation.resolver';

/** What training adds to membership's Member and OrgUnit; a reference to either is all training needs. */
export const federationModule = defineModule({
  name: 'federation',
  resolvers: [MemberTrainingResolver, OrgUnitCampsResolver],
  references: { Member: referenceStub, OrgUnit: referenceStub },
});
