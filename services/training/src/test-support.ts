import { startTestService, type TestService } from '@sangathan/common';
import { startMembershipTestService, type MembershipTestService } from '@sangathan/membership/test-support';
import { TRAINING_SERVICE } from './definition';

export interface TrainingTestService extends TestService {
  /** The real membership service this one asks and follows. */
  membership: MembershipTestService;
}

/** training over real HTTP on a random port with a fresh database, in front of a real membership service (its own unless given). */
export async function startTrainingTestService(label = 'training', membership?: MembershipTestService): Promise<TrainingTestService> {
  const membershipService = membership ?? (await startMembershipTestService(`${label}_membership`));
  const service = await startTestService(TRAINING_SERVICE, label, { membership: membershipService });
  return {
    ...service,
    membership: membershipService,
    stop: async () => {
      await service.stop();
      if (!membership) await membershipService.stop();
    },
  };
}
