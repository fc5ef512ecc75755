import { MembershipLookups, type MembershipClient } from '@sangathan/common';
import type { DataSource } from 'typeorm';
import { CampaignService } from './modules/campaign/campaign.service';

export interface TrainingServices {
  membership: MembershipLookups;
  campaigns: CampaignService;
}

/** Per-request context: services with request-scoped DataLoaders, including lookups in membership. */
export interface TrainingContext {
  services: TrainingServices;
}

export function createServices(dataSource: DataSource, membershipClient: MembershipClient): TrainingServices {
  const membership = new MembershipLookups(membershipClient);
  return {
    membership,
    campaigns: new CampaignService(dataSource, membership),
  };
}

export function createContext(dataSource: DataSource, membershipClient: MembershipClient): TrainingContext {
  return { services: createServices(dataSource, membershipClient) };
}
