import type { DataSource } from 'typeorm';
import { AssignmentService } from './modules/assignment/assignment.service';
import { FieldVisitService } from './modules/field-visit/field-visit.service';
import { MemberService } from './modules/member/member.service';
import { OrgUnitService } from './modules/org-unit/org-unit.service';
import { OrganizationService } from './modules/organization/organization.service';
import { PositionService } from './modules/position/position.service';

export interface MembershipServices {
  organizations: OrganizationService;
  units: OrgUnitService;
  members: MemberService;
  positions: PositionService;
  assignments: AssignmentService;
  fieldVisits: FieldVisitService;
}

/** Per-request context: services with request-scoped DataLoaders. */
export interface MembershipContext {
  services: MembershipServices;
}

export function createServices(dataSource: DataSource): MembershipServices {
  const organizations = new OrganizationService(dataSource);
  const units = new OrgUnitService(dataSource, organizations);
  const members = new MemberService(dataSource, organizations, units);
  return {
    organizations,
    units,
    members,
    positions: new PositionService(dataSource, members, units),
    assignments: new AssignmentService(dataSource, members, units),
    fieldVisits: new FieldVisitService(dataSource, members, units),
  };
}

export function createContext(dataSource: DataSource): MembershipContext {
  return { services: createServices(dataSource) };
}
