import { defineModule } from '@sangathan/common';
import { TeamMember } from './team-member.entity';
import { TeamMemberResolver } from './team-member.resolver';
import { TeamMemberService } from './team-member.service';

export const teamMemberModule = defineModule({
  name: 'team-member',
  entities: [TeamMember],
  resolvers: [TeamMemberResolver],
  services: { teamMembers: TeamMemberService },
});
