import { auditModule, type ServiceDefinition } from '@sangathan/common';
import { InitialSchema1764400000000 } from './migrations/1764400000000-InitialSchema';
import { AuditLog1764900000000 } from './migrations/1764900000000-AuditLog';
import { MemberMergeCursor1765200000000 } from './migrations/1765200000000-MemberMergeCursor';
import { applyTrainingMemberMerge } from './member-merges';
// Imported in this order on purpose: type-graphql orders a type's fields (Query, Mutation, TrainingCampaign…)
// in the order their resolver classes load, and the composed supergraph keeps that order.
import { campModule } from './modules/camp';
import { trainingCampaignModule } from './modules/training-campaign';
import { enrollmentModule } from './modules/enrollment';
import { federationModule } from './modules/federation';
import { campaignPhaseModule } from './modules/campaign-phase';
import { progressModule } from './modules/progress';
import { topicModule } from './modules/topic';
import { trainerTeamModule } from './modules/trainer-team';

/** Every module of the service: its entities, schema, unit copies and request services are built from this list. */
export const MODULES = [
  trainingCampaignModule,
  campaignPhaseModule,
  topicModule,
  trainerTeamModule,
  campModule,
  enrollmentModule,
  progressModule,
  federationModule,
  auditModule('training'),
] as const;

export const MIGRATIONS = [InitialSchema1764400000000, AuditLog1764900000000, MemberMergeCursor1765200000000];

export const TRAINING_SERVICE: ServiceDefinition = {
  name: 'training',
  modules: MODULES,
  migrations: MIGRATIONS,
  followsMembership: true,
  memberMerges: applyTrainingMemberMerge,
  access: { read: 'training:read', write: 'training:write' },
};
