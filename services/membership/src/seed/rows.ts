import { searchKey, toLatin } from '@sangathan/common';
import { nameKey } from '../modules/duplicate/name-key';
import type { Assignment } from '../modules/assignment/assignment.entity';
import type { FieldVisit } from '../modules/field-visit/field-visit.entity';
import type { Member } from '../modules/member/member.entity';
import type { OrgUnit } from '../modules/org-unit/org-unit.entity';
import type { Organization } from '../modules/organization/organization.entity';
import type { Position } from '../modules/position/position.entity';
import { memberSeedId, unitSeedId } from './ids';

/** The last day the demo data describes: nothing is dated after it. */
export const DATA_AS_OF = '2026-03-31';

/** What the seed writes for a record; the database fills in version and timestamps. */
type Row<T> = Omit<T, 'version' | 'createdAt' | 'updatedAt' | 'deletedAt'>;
export type OrganizationRow = Row<Organization>;
export type UnitRow = Row<OrgUnit>;
export type MemberRow = Row<Member>;
export type PositionRow = Row<Position>;
export type AssignmentRow = Row<Assignment>;
export type FieldVisitRow = Row<FieldVisit>;

/** Everything the seed inserts for one organisation. */
export interface OrganizationSeed {
  organization: OrganizationRow;
  units: UnitRow[];
  members: MemberRow[];
  positions: PositionRow[];
  assignments: AssignmentRow[];
  fieldVisits: FieldVisitRow[];
}

/** "Kanpur Dehat" → "KANPUR-DEHAT", for readable unit codes. */
export function codeSlug(latin: string): string {
  return latin
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** An organisation's unit tree, built parents first, with the derived columns the OrgUnitService would set. */
export class UnitTree {
  readonly units: UnitRow[] = [];
  private readonly codes = new Set<string>();

  constructor(private readonly organization: OrganizationRow) {}

  add(parent: UnitRow | null, level: string, code: string, name: string, nameLatin = toLatin(name)): UnitRow {
    if (this.codes.has(code)) throw new Error(`unit code ${code} used twice`);
    this.codes.add(code);
    const id = unitSeedId(this.organization.shortName, code);
    const unit: UnitRow = {
      id,
      organizationId: this.organization.id,
      parentId: parent?.id ?? null,
      level,
      name,
      nameLatin,
      code,
      path: [...(parent?.path ?? []), id],
      searchKey: searchKey(`${name} ${nameLatin}`),
    };
    this.units.push(unit);
    return unit;
  }
}

export type PersonFields = Omit<
  MemberRow,
  'id' | 'organizationId' | 'membershipNumber' | 'fullNameLatin' | 'searchKey' | 'nameKey' | 'mergedIntoId'
>;

/** An organisation's members, numbered 1, 2, 3… the way MemberService numbers them. */
export class MemberRoll {
  readonly members: MemberRow[] = [];
  /** As in MemberService.nextMembershipNumber: the short name reduced to A-Z and 0-9. */
  private readonly prefix: string;

  constructor(private readonly organization: OrganizationRow) {
    this.prefix = organization.shortName.toUpperCase().replace(/[^A-Z0-9]/g, '') || 'M';
  }

  add(person: PersonFields): MemberRow {
    const membershipNumber = `${this.prefix}-${String(this.members.length + 1).padStart(7, '0')}`;
    const fullNameLatin = toLatin(person.fullName);
    const member: MemberRow = {
      ...person,
      id: memberSeedId(membershipNumber),
      organizationId: this.organization.id,
      membershipNumber,
      fullNameLatin,
      searchKey: searchKey(`${person.fullName} ${fullNameLatin}`),
      mergedIntoId: null,
      nameKey: nameKey(fullNameLatin),
    };
    this.members.push(member);
    return member;
  }

  /** The highest sequence number used: the organisation's member_sequence. */
  get lastSequence(): number {
    return this.members.length;
  }
}
