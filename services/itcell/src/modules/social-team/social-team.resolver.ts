import { CrudResolver, PageInput } from '@sangathan/common';
import { OrgUnitRef, unitRef } from '../federation/references';
import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ItcellContext } from '../../context';
import { SocialAccount } from '../social-account/social-account.entity';
import { TeamMemberPage } from '../team-member/team-member.types';
import { SocialTeam } from './social-team.entity';
import { SocialTeamFilter, SocialTeamInput, SocialTeamPage, SocialTeamSort, SocialTeamUpdateInput } from './social-team.types';

@Resolver(() => SocialTeam)
export class SocialTeamResolver extends CrudResolver({
  name: 'socialTeam',
  plural: 'socialTeams',
  entity: SocialTeam,
  input: SocialTeamInput,
  updateInput: SocialTeamUpdateInput,
  filter: SocialTeamFilter,
  sort: SocialTeamSort,
  page: SocialTeamPage,
}) {
  @FieldResolver(() => OrgUnitRef, { nullable: true, description: 'Null when membership does not answer' })
  unit(@Root() team: SocialTeam) {
    return unitRef(team.unitId);
  }

  @FieldResolver(() => TeamMemberPage, { description: 'Roles in the team, current and past' })
  members(
    @Root() team: SocialTeam,
    @Ctx() { services }: ItcellContext,
    @Arg('current', () => Boolean, { nullable: true, description: 'true: only roles held today' }) current?: boolean,
    @Arg('page', () => PageInput, { nullable: true }) page?: PageInput,
  ) {
    return services.teamMembers.list({ teamId: team.id, current }, [], page);
  }

  @FieldResolver(() => [SocialAccount], { description: 'Social-media accounts the team owns (batched: one query per request)' })
  accounts(@Root() team: SocialTeam, @Ctx() { services }: ItcellContext) {
    return services.socialAccounts.byTeam.load(team.id);
  }
}
