import { addDays, Random } from '@sangathan/common';
import { buildDemoOrganizations, type OrganizationSeed } from '@sangathan/membership';
import { v5 } from 'uuid';
import { TeamStatus } from '../modules/social-team/social-team.entity';
import { TeamRole } from '../modules/team-member/team-member.entity';

const NAMESPACE = '6f1d2c4e-8b1a-4f3e-9c55-2a7d0b9e4c11';
/** Deterministic ids, so other demo records (and reruns) can point at the same rows. */
export const itcellSeedId = (kind: string, key: string) => v5(`itcell:${kind}:${key}`, NAMESPACE);

type UnitRow = OrganizationSeed['units'][number];
type MemberRow = OrganizationSeed['members'][number];

export interface TeamRow {
  id: string;
  organizationId: string;
  unitId: string;
  unitPath: string[];
  unitLevel: string;
  name: string;
  formedOn: string;
  status: TeamStatus;
}

export interface RoleRow {
  id: string;
  teamId: string;
  memberId: string;
  role: TeamRole;
  since: string;
  until: string | null;
}

export interface ItcellDemo {
  party: OrganizationSeed;
  teams: TeamRow[];
  roles: RoleRow[];
  /** The state IT department's team (case 2). */
  stateTeam: TeamRow;
}

/** The 2018 reorganisation of IT teams down to mandal level had to be done by 10 July. */
const REORGANISATION_START = '2018-06-01';
const REORGANISATION_DEADLINE = '2018-07-10';

/**
 * Case 2 for the demo party: the state IT department (its convenor and co-convenors are the party's
 * IT office bearers), teams in every region, most districts and mandals, and cyber warriors at
 * about half of the booths that have members.
 */
export function buildItcellDemo(): ItcellDemo {
  const { upParty: party } = buildDemoOrganizations();
  const random = new Random(20180710);
  const units = new Map(party.units.map((unit) => [unit.id, unit]));
  const membersWithin = new Map<string, MemberRow[]>();
  for (const member of party.members) {
    for (const ancestor of units.get(member.unitId)!.path) {
      if (!membersWithin.has(ancestor)) membersWithin.set(ancestor, []);
      membersWithin.get(ancestor)!.push(member);
    }
  }
  const teams: TeamRow[] = [];
  const roles: RoleRow[] = [];

  /** Formed during the reorganisation, or (late) in the weeks after its deadline. */
  const addTeam = (unit: UnitRow, name: string, late = false): TeamRow => {
    const team: TeamRow = {
      id: itcellSeedId('team', unit.code),
      organizationId: party.organization.id,
      unitId: unit.id,
      unitPath: unit.path,
      unitLevel: unit.level,
      name,
      formedOn: late ? addDays(REORGANISATION_DEADLINE, random.int(1, 60)) : addDays(REORGANISATION_START, random.int(0, 39)),
      status: TeamStatus.ACTIVE,
    };
    teams.push(team);
    return team;
  };
  const addRoles = (team: TeamRow, memberIds: string[], role: TeamRole) => {
    for (const memberId of memberIds) {
      // A few ordinary members have since left their team.
      const until = role === TeamRole.MEMBER && random.chance(0.1) ? addDays(team.formedOn, random.int(180, 900)) : null;
      roles.push({ id: itcellSeedId('role', `${team.id}:${memberId}`), teamId: team.id, memberId, role, since: team.formedOn, until });
    }
  };
  /** Members of the unit's subtree not yet in this team, nearest first (home unit = the unit itself). */
  const candidates = (unit: UnitRow, taken: Set<string>) =>
    (membersWithin.get(unit.id) ?? [])
      .filter((member) => !taken.has(member.id))
      .sort((a, b) => Number(b.unitId === unit.id) - Number(a.unitId === unit.id));

  const byLevel = (level: string) => party.units.filter((unit) => unit.level === level);
  const [state] = byLevel('state');

  // State IT department: its convenor and co-convenors hold those offices in membership.
  const stateTeam = addTeam(state, 'आईटी विभाग, उत्तर प्रदेश');
  const itOffice = (label: string) => party.positions.filter((position) => position.label === label).map((position) => position.memberId);
  const convenor = itOffice('IT department convenor');
  const coConvenors = itOffice('IT department co-convenor');
  addRoles(stateTeam, convenor, TeamRole.CONVENOR);
  addRoles(stateTeam, coConvenors, TeamRole.CO_CONVENOR);
  const stateTaken = new Set([...convenor, ...coConvenors]);
  addRoles(
    stateTeam,
    random.sample(candidates(state, stateTaken), 6).map((member) => member.id),
    TeamRole.MEMBER,
  );

  const staff = (
    unit: UnitRow,
    name: string,
    options: { convenor: number; coConvenors: number; appInCharge: boolean; members: number; late?: boolean },
  ) => {
    const team = addTeam(unit, name, options.late);
    const people = candidates(unit, new Set()).map((member) => member.id);
    let next = 0;
    const take = (count: number) => people.slice(next, (next += count));
    if (random.chance(options.convenor)) addRoles(team, take(1), TeamRole.CONVENOR);
    addRoles(team, take(options.coConvenors), TeamRole.CO_CONVENOR);
    if (options.appInCharge) addRoles(team, take(1), TeamRole.APP_IN_CHARGE);
    addRoles(team, take(options.members), TeamRole.MEMBER);
    return team;
  };

  for (const region of byLevel('region'))
    staff(region, `${region.name} क्षेत्र आईटी टीम`, { convenor: 1, coConvenors: 2, appInCharge: false, members: 2 });
  for (const district of byLevel('district')) {
    if (random.chance(0.08)) continue; // not yet formed
    staff(district, `${district.name} जिला आईटी टीम`, { convenor: 0.88, coConvenors: 1, appInCharge: true, members: 2 });
  }
  for (const mandal of byLevel('mandal')) {
    if (random.chance(0.25)) continue;
    staff(mandal, `${mandal.name} आईटी टीम`, { convenor: 0.8, coConvenors: 1, appInCharge: false, members: 3, late: random.chance(0.1) });
  }
  for (const booth of byLevel('booth')) {
    const residents = (membersWithin.get(booth.id) ?? []).map((member) => member.id);
    if (!residents.length || !random.chance(0.5)) continue;
    const team = addTeam(booth, `${booth.name} साइबर टीम`);
    addRoles(team, random.sample(residents, random.int(1, 2)), TeamRole.CYBER_WARRIOR);
  }
  return { party, teams, roles, stateTeam };
}
