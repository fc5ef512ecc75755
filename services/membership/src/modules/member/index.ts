import { defineModule } from '@sangathan/common';
import { Member } from './member.entity';
import { MemberResolver } from './member.resolver';
import { MemberService } from './member.service';

type ReferenceContext = { services: { members: MemberService } };

export const memberModule = defineModule({
  name: 'member',
  entities: [Member],
  resolvers: [MemberResolver],
  // A merged member resolves to the member it was merged into (itcell's and training's old references included).
  references: { Member: (reference: { id: string }, { services }: ReferenceContext) => services.members.resolveReference(reference.id) },
  services: { members: MemberService },
});
