import { buildFederatedSchema } from '@sangathan/common';
import type { GraphQLSchema } from 'graphql';
import type { TrainingContext } from './context';
import { CampResolver } from './modules/camp/camp.resolver';
import { CampaignResolver } from './modules/campaign/campaign.resolver';
import { EnrollmentResolver } from './modules/enrollment/enrollment.resolver';
import { MemberTrainingResolver, OrgUnitCampsResolver } from './modules/federation/federation.resolver';
import { PhaseResolver } from './modules/phase/phase.resolver';
import {
  CampaignProgressResolver,
  CampProgressResolver,
  OrgUnitProgressResolver,
  PhaseProgressResolver,
} from './modules/progress/progress.resolver';
import { TopicResolver } from './modules/topic/topic.resolver';
import { TrainerTeamResolver } from './modules/trainer-team/trainer-team.resolver';

/** The training subgraph schema; needs no database, so composition can build it offline. */
export function buildTrainingSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        CampaignResolver,
        CampResolver,
        EnrollmentResolver,
        MemberTrainingResolver,
        OrgUnitCampsResolver,
        PhaseResolver,
        CampaignProgressResolver,
        CampProgressResolver,
        OrgUnitProgressResolver,
        PhaseProgressResolver,
        TopicResolver,
        TrainerTeamResolver,
      ],
    },
    {
      TrainingCampaign: {
        __resolveReference: (reference: { id: string }, { services }: TrainingContext) => services.campaigns.loader.load(reference.id),
      },
      Camp: {
        __resolveReference: (reference: { id: string }, { services }: TrainingContext) => services.camps.loader.load(reference.id),
      },
      // Member and OrgUnit belong to membership: a reference is all training needs to add its fields.
      Member: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
      OrgUnit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
    },
  );
}
