import { defineModule, loadReference } from '@sangathan/common';
import { Member } from './member.entity';
import { MemberResolver } from './member.resolver';
import { MemberService } from './member.service';

export const memberModule = defineModule({
  name: 'member',
  entities: [Member],
  resolvers: [MemberResolver],
  references: { Member: loadReference('members') },
  services: { members: MemberService },
});
