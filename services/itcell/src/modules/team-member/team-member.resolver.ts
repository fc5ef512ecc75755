import { CrudResolver } from '@sangathan/common';
import { memberRef, MemberRef } from '../federation/references';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ItcellContext } from '../../context';
import { SocialTeam } from '../social-team/social-team.entity';
import { TeamMember } from './team-member.entity';
import { isCurrent } from './team-member.service';
import { TeamMemberFilter, TeamMemberInput, TeamMemberPage, TeamMemberSort, TeamMemberUpdateInput } from './team-member.types';

@Resolver(() => TeamMember)
export class TeamMemberResolver extends CrudResolver({
  name: 'teamMember',
  plural: 'teamMembers',
  entity: TeamMember,
  input: TeamMemberInput,
  updateInput: TeamMemberUpdateInput,
  filter: TeamMemberFilter,
  sort: TeamMemberSort,
  page: TeamMemberPage,
}) {
  @FieldResolver(() => SocialTeam)
  team(@Root() teamMember: TeamMember, @Ctx() { services }: ItcellContext) {
    return services.socialTeams.loadVisible(teamMember.teamId);
  }

  @FieldResolver(() => MemberRef, { nullable: true, description: 'The member; null when membership does not answer' })
  member(@Root() teamMember: TeamMember) {
    return memberRef(teamMember.memberId);
  }

  @FieldResolver(() => Boolean, { description: 'Held today' })
  current(@Root() teamMember: TeamMember) {
    return isCurrent(teamMember);
  }
}
