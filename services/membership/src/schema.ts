import { buildFederatedSchema } from '@sangathan/common';
import type { GraphQLSchema } from 'graphql';
import { AssignmentResolver } from './modules/assignment/assignment.resolver';
import { FieldVisitResolver } from './modules/field-visit/field-visit.resolver';
import { resolveMemberReference } from './modules/member/member.reference';
import { MemberResolver } from './modules/member/member.resolver';
import { resolveOrgUnitReference } from './modules/org-unit/org-unit.reference';
import { OrgUnitResolver } from './modules/org-unit/org-unit.resolver';
import { resolveOrganizationReference } from './modules/organization/organization.reference';
import { OrganizationResolver } from './modules/organization/organization.resolver';
import { PositionResolver } from './modules/position/position.resolver';
import { UnitChangeResolver } from './modules/unit-change/unit-change.resolver';

/** The membership subgraph schema; needs no database, so composition can build it offline. */
export function buildMembershipSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [
        OrganizationResolver,
        OrgUnitResolver,
        MemberResolver,
        PositionResolver,
        AssignmentResolver,
        FieldVisitResolver,
        UnitChangeResolver,
      ],
    },
    {
      Organization: { __resolveReference: resolveOrganizationReference },
      OrgUnit: { __resolveReference: resolveOrgUnitReference },
      Member: { __resolveReference: resolveMemberReference },
    },
  );
}
