import { buildFederatedSchema } from '@sangathan/common';
import type { GraphQLSchema } from 'graphql';
import type { ItcellContext } from './context';
import { MemberExtensionResolver, OrgUnitExtensionResolver } from './modules/federation/federation.resolver';
import { MeetingResolver, MeetingSessionResolver } from './modules/meeting/meeting.resolver';
import { DriveReportResolver } from './modules/outreach-drive/drive-report.resolver';
import { DriveTargetResolver, OutreachDriveResolver } from './modules/outreach-drive/outreach-drive.resolver';
import { SocialAccountResolver } from './modules/social-account/social-account.resolver';
import { SocialTeamResolver } from './modules/social-team/social-team.resolver';
import { TeamMemberResolver } from './modules/team-member/team-member.resolver';

/** The itcell subgraph schema; needs no database, so composition can build it offline. */
export function buildItcellSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        SocialTeamResolver,
        TeamMemberResolver,
        MemberExtensionResolver,
        OrgUnitExtensionResolver,
        OutreachDriveResolver,
        DriveTargetResolver,
        DriveReportResolver,
        SocialAccountResolver,
        MeetingResolver,
        MeetingSessionResolver,
      ],
    },
    {
      SocialTeam: {
        __resolveReference: (reference: { id: string }, { services }: ItcellContext) => services.teams.loader.load(reference.id),
      },
      OutreachDrive: {
        __resolveReference: (reference: { id: string }, { services }: ItcellContext) => services.drives.loader.load(reference.id),
      },
      Meeting: {
        __resolveReference: (reference: { id: string }, { services }: ItcellContext) => services.meetings.loader.load(reference.id),
      },
      // Member and OrgUnit belong to membership: a reference is all itcell needs to add its fields.
      Member: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
      OrgUnit: { __resolveReference: (reference: { id: string }) => ({ id: reference.id }) },
    },
  );
}
