import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { ItcellContext } from '../../context';
import { ItCoverage } from '../coverage/coverage.types';
import { SocialAccount } from '../social-account/social-account.entity';
import { SocialTeam } from '../social-team/social-team.entity';
import { TeamMember } from '../team-member/team-member.entity';
import { MemberRef, OrgUnitRef } from './references';

/** What itcell adds to membership's Member. */
@Resolver(() => MemberRef)
export class MemberExtensionResolver {
  @FieldResolver(() => [TeamMember], { description: 'Roles in social-media teams, current and past, newest first' })
  socialRoles(@Root() member: MemberRef, @Ctx() { services }: ItcellContext) {
    return services.teamMembers.byMember.load(member.id);
  }

  @FieldResolver(() => [SocialAccount], { description: 'Social-media accounts the member owns (batched: one query per request)' })
  socialAccounts(@Root() member: MemberRef, @Ctx() { services }: ItcellContext) {
    return services.socialAccounts.byMember.load(member.id);
  }
}

/** What itcell adds to membership's OrgUnit. */
@Resolver(() => OrgUnitRef)
export class OrgUnitExtensionResolver {
  @FieldResolver(() => SocialTeam, { nullable: true, description: 'The unit’s active social-media team' })
  socialTeam(@Root() unit: OrgUnitRef, @Ctx() { services }: ItcellContext) {
    return services.socialTeams.activeOfUnit(unit.id);
  }

  @FieldResolver(() => ItCoverage, {
    description: 'Among the units at `level` below this one: how many have a team with a convenor; and booths with a cyber warrior',
  })
  itCoverage(
    @Root() unit: OrgUnitRef,
    @Ctx() { services }: ItcellContext,
    @Arg('level', () => String) level: string,
    @Arg('boothLevel', () => String, { defaultValue: 'booth' }) boothLevel: string,
  ) {
    return services.coverage.coverage(unit.id, level, boothLevel);
  }
}
