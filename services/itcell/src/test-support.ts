import { startTestService, type TestService } from '@sangathan/common';
import { startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import { ITCELL_SERVICE } from './definition';

export interface ItcellTestService extends TestService {
  /** The real membership service this one asks and follows. */
  membership: MembershipTestService;
}

/** itcell over real HTTP on a random port with a fresh database, in front of a real membership service (its own unless given). */
export async function startItcellTestService(label = 'itcell', membership?: MembershipTestService): Promise<ItcellTestService> {
  const membershipService = membership ?? (await startMembershipTestService(`${label}_membership`));
  const service = await startTestService(ITCELL_SERVICE, label, { membership: membershipService });
  return {
    ...service,
    membership: membershipService,
    stop: async () => {
      await service.stop();
      if (!membership) await membershipService.stop();
    },
  };
}
