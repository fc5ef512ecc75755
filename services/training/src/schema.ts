import { buildFederatedSchema } from '@sangathan/common';
import type { GraphQLSchema } from 'graphql';
import type { TrainingContext } from './context';
import { CampaignResolver } from './modules/campaign/campaign.resolver';

/** The training subgraph schema; needs no database, so composition can build it offline. */
export function buildTrainingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [CampaignResolver] },
    {
      TrainingCampaign: {
        __resolveReference: (reference: { id: string }, { services }: TrainingContext) => services.campaigns.loader.load(reference.id),
      },
      // Member and OrgUnit belong to membership: a reference is all training needs to add its fields.
      Member: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
      OrgUnit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
    },
  );
}
