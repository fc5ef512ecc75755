import { MembershipLookups, type MembershipClient } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { CampService } from './modules/camp/camp.service';
import { CampaignService } from './modules/campaign/campaign.service';
import { EnrollmentService } from './modules/enrollment/enrollment.service';
import { PhaseService } from './modules/phase/phase.service';
import { ProgressService } from './modules/progress/progress.service';
import { TopicService } from './modules/topic/topic.service';
import { TrainerTeamService } from './modules/trainer-team/trainer-team.service';

export interface TrainingServices {
  membership: MembershipLookups;
  campaigns: CampaignService;
  camps: CampService;
  enrollments: EnrollmentService;
  phases: PhaseService;
  progress: ProgressService;
  topics: TopicService;
  trainerTeams: TrainerTeamService;
}

/** Per-request context: services with request-scoped DataLoaders, including lookups in membership. */
export interface TrainingContext {
  services: TrainingServices;
}

export function createServices(dataSource: DataSource, membershipClient: MembershipClient): TrainingServices {
  const membership = new MembershipLookups(membershipClient);
  const camps = new CampService(dataSource, membership);
  return {
    membership,
    campaigns: new CampaignService(dataSource, membership),
    camps,
    enrollments: new EnrollmentService(dataSource, membership, camps),
    phases: new PhaseService(dataSource, membership),
    progress: new ProgressService(dataSource, membership),
    topics: new TopicService(dataSource),
    trainerTeams: new TrainerTeamService(dataSource, membership),
  };
}

export function createContext(dataSource: DataSource, membershipClient: MembershipClient): TrainingContext {
  return { services: createServices(dataSource, membershipClient) };
}
