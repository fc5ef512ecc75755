import { defineModule } from '@sangathan/common';
import { MemberMerge } from './member-merge.entity';
import { MemberMergeResolver } from './member-merge.resolver';
import { MemberMergeService } from './member-merge.service';

/** `mergeMembers`, and the feed of merges that itcell and training follow. */
export const memberMergeModule = defineModule({
  name: 'member-merge',
  entities: [MemberMerge],
  resolvers: [MemberMergeResolver],
  services: { memberMerges: MemberMergeService },
  // The whole feed, for the followers in itcell and training only.
  access: { memberMerges: 'service' },
});
