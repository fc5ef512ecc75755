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
  @FieldResolver(() => [TeamMember], {
    nullable: true,
    description: 'Roles in social-media teams, current and past, newest first; null when itcell does not answer',
  })
  socialRoles(@Root() member: MemberRef, @Ctx() { services }: ItcellContext) {
    return services.teamMembers.byMember.load(member.id);
  }

  @FieldResolver(() => [SocialAccount], {
    nullable: true,
    description: 'Social-media accounts the member owns (batched: one query per request); null when itcell does not answer',
  })
  socialAccounts(@Root() member: MemberRef, @Ctx() { services }: ItcellContext) {
    return services.socialAccounts.byMember.load(member.id);
  }
}

/** What itcell adds to membership's OrgUnit. */
@Resolver(() => OrgUnitRef)
export class OrgUnitExtensionResolver {
  @FieldResolver(() => SocialTeam, {
    nullable: true,
    description: 'The unit’s active social-media team; null when it has none or itcell does not answer',
  })
  socialTeam(@Root() unit: OrgUnitRef, @Ctx() { services }: ItcellContext) {
    return services.socialTeams.activeOfUnit(unit.id);
  }

  @FieldResolver(() => ItCoverage, {
    nullable: true,
    description:
      'Among the units at `level` below this one: how many have a team with a convenor; and booths with a cyber warrior. Null when itcell does not answer',
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
