import { Gender, MemberStatus } from '../modules/member/member.entity';
import type { UnitLevel } from '../modules/organization/organization.entity';
import { PositionTitle } from '../modules/position/position.entity';
import { seedId, UP_PARTY_ID, UP_PARTY_SHORT_NAME } from './ids';
import { BOOTH_LOCALITIES, BOOTH_VENUES, DEMO_CONSTITUENCIES, HINDI_NAMES, URDU_NAMES, type NamePool } from './names';
import { INDIA_MOBILES, PersonFactory } from './people';
import { addDays, addYears, Random } from '@sangathan/common';
import { UTTAR_PRADESH } from './reference-units';
import {
  codeSlug,
  DATA_AS_OF,
  MemberRoll,
  UnitTree,
  type MemberRow,
  type OrganizationRow,
  type OrganizationSeed,
  type PositionRow,
  type UnitRow,
} from './rows';

// Demo data for cases 1 and 2: a state party in Uttar Pradesh.

export const UP_MEMBER_COUNT = 2400;

export const UP_LEVELS: UnitLevel[] = [
  { key: 'state', label: 'State', rank: 0 },
  { key: 'region', label: 'Region', rank: 1 },
  { key: 'division', label: 'Division', rank: 2 },
  { key: 'district', label: 'District', rank: 3 },
  { key: 'lok_sabha', label: 'Lok Sabha constituency', rank: 4 },
  { key: 'vidhan_sabha', label: 'Vidhan Sabha constituency', rank: 5 },
  { key: 'block', label: 'Block / City', rank: 6 },
  { key: 'mandal', label: 'Mandal', rank: 7 },
  { key: 'ward', label: 'Ward / Nyaya Panchayat', rank: 8 },
  { key: 'booth', label: 'Booth', rank: 9 },
];

const BOOTHS_PER_MANDAL = 25;

interface Office {
  unit: UnitRow;
  title: PositionTitle;
  label: string;
  startsOn: string;
  endsOn: string | null;
  ages: [number, number];
  fullName?: string;
  gender?: Gender;
  tags?: string[];
}

interface UpUnits {
  state: UnitRow;
  regions: UnitRow[];
  divisions: UnitRow[];
  districts: UnitRow[];
  /** The four demo districts' generated units. */
  constituencies: UnitRow[];
  mandals: UnitRow[];
  booths: UnitRow[];
}

/** State → 6 regions → 18 divisions → 75 districts (real), and below four demo districts 5 assembly constituencies → 4 mandals → 25 booths each. */
function buildUnits(tree: UnitTree, random: Random): UpUnits {
  const units: UpUnits = {
    state: tree.add(null, 'state', 'UP', UTTAR_PRADESH.name, UTTAR_PRADESH.nameLatin),
    regions: [],
    divisions: [],
    districts: [],
    constituencies: [],
    mandals: [],
    booths: [],
  };
  UTTAR_PRADESH.regions.forEach((region, r) => {
    const regionUnit = tree.add(units.state, 'region', `UP-R${r + 1}`, region.name, region.nameLatin);
    units.regions.push(regionUnit);
    for (const division of region.divisions) {
      const divisionUnit = tree.add(regionUnit, 'division', `UP-DV-${codeSlug(division.nameLatin)}`, division.name, division.nameLatin);
      units.divisions.push(divisionUnit);
      for (const district of division.districts) {
        const districtUnit = tree.add(divisionUnit, 'district', `UP-D-${codeSlug(district.nameLatin)}`, district.name, district.nameLatin);
        units.districts.push(districtUnit);
        const constituencies = DEMO_CONSTITUENCIES[district.nameLatin];
        if (constituencies) addConstituencies(tree, random, districtUnit, units, constituencies);
      }
    }
  });
  return units;
}

function addConstituencies(
  tree: UnitTree,
  random: Random,
  district: UnitRow,
  units: UpUnits,
  constituencies: (typeof DEMO_CONSTITUENCIES)[string],
): void {
  constituencies.forEach((constituency, c) => {
    const vidhanSabha = tree.add(district, 'vidhan_sabha', `${district.code}-VS${c + 1}`, constituency.name, constituency.nameLatin);
    units.constituencies.push(vidhanSabha);
    // Booths are numbered through the constituency; a building with several booths gets room numbers.
    let boothNumber = 0;
    const buildings = new Map<string, number>();
    constituency.mandals.forEach((place, m) => {
      const mandal = tree.add(vidhanSabha, 'mandal', `${vidhanSabha.code}-M${m + 1}`, `${place} मंडल`);
      units.mandals.push(mandal);
      for (let b = 0; b < BOOTHS_PER_MANDAL; b++) {
        boothNumber++;
        const building = `${random.pick(BOOTH_VENUES)} ${random.pick(BOOTH_LOCALITIES)}`;
        const room = (buildings.get(building) ?? 0) + 1;
        buildings.set(building, room);
        const name = `बूथ ${boothNumber} – ${building}${room > 1 ? ` कक्ष ${room}` : ''}`;
        units.booths.push(tree.add(mandal, 'booth', `${mandal.code}-B${String(boothNumber).padStart(3, '0')}`, name));
      }
    });
  });
}

/** Office bearers from the state down to half the demo booths, plus the state IT department (case 2). */
function planOffices(units: UpUnits, random: Random): Office[] {
  const offices: Office[] = [];
  const pair = (unit: UnitRow, level: string, from: string, to: string, ages: [number, number]) => {
    offices.push({
      unit,
      title: PositionTitle.PRESIDENT,
      label: `${level} president`,
      startsOn: random.date(from, to),
      endsOn: null,
      ages,
    });
    offices.push({
      unit,
      title: PositionTitle.GENERAL_SECRETARY,
      label: `${level} general secretary`,
      startsOn: random.date(from, to),
      endsOn: null,
      ages,
    });
  };
  offices.push({
    unit: units.state,
    title: PositionTitle.PRESIDENT,
    label: 'State president',
    startsOn: '2022-08-25',
    endsOn: null,
    ages: [52, 68],
  });
  offices.push({
    unit: units.state,
    title: PositionTitle.GENERAL_SECRETARY,
    label: 'State general secretary',
    startsOn: '2022-09-10',
    endsOn: null,
    ages: [45, 65],
  });
  const itDepartment = { unit: units.state, endsOn: null, tags: ['it-cell'] };
  offices.push({
    ...itDepartment,
    title: PositionTitle.CONVENOR,
    label: 'IT department convenor',
    startsOn: '2021-06-01',
    ages: [34, 48],
    fullName: 'संजय राय',
    gender: Gender.MALE,
  });
  offices.push({
    ...itDepartment,
    title: PositionTitle.CO_CONVENOR,
    label: 'IT department co-convenor',
    startsOn: '2021-06-01',
    ages: [28, 45],
  });
  offices.push({
    ...itDepartment,
    title: PositionTitle.CO_CONVENOR,
    label: 'IT department co-convenor',
    startsOn: '2023-03-15',
    ages: [28, 45],
  });
  for (const region of units.regions) pair(region, 'Region', '2022-09-15', '2023-03-31', [42, 66]);
  for (const division of units.divisions) pair(division, 'Division', '2022-10-01', '2023-06-30', [40, 65]);
  for (const district of units.districts) pair(district, 'District', '2022-11-01', '2023-09-30', [38, 65]);
  const president = (unit: UnitRow, label: string, from: string, to: string, ages: [number, number]) =>
    offices.push({ unit, title: PositionTitle.PRESIDENT, label, startsOn: random.date(from, to), endsOn: null, ages });
  for (const unit of units.constituencies) president(unit, 'Vidhan Sabha president', '2023-01-01', '2024-06-30', [32, 62]);
  for (const unit of units.mandals) president(unit, 'Mandal president', '2023-06-01', '2024-12-31', [28, 60]);
  for (const unit of units.booths) if (random.chance(0.5)) president(unit, 'Booth president', '2024-01-01', '2025-12-31', [25, 60]);

  // Predecessors, so that some positions have ended: the state president, two region presidents, the
  // demo districts' presidents and the co-convenor replaced in 2023.
  const demoDistrictIds = new Set(units.constituencies.map((unit) => unit.parentId));
  const succeeded = offices.filter(
    (office) =>
      (office.title === PositionTitle.CO_CONVENOR && office.startsOn === '2023-03-15') ||
      (office.title === PositionTitle.PRESIDENT &&
        (office.unit === units.state || ['UP-R2', 'UP-R5'].includes(office.unit.code) || demoDistrictIds.has(office.unit.id))),
  );
  for (const office of succeeded) {
    offices.push({
      ...office,
      startsOn: addYears(office.startsOn, -3),
      endsOn: addDays(office.startsOn, -1),
      ages: [45, 70],
      fullName: undefined,
      gender: undefined,
    });
  }
  return offices;
}

function hindiName(random: Random, gender: Gender): string {
  const pool: NamePool = random.chance(0.12) ? URDU_NAMES : HINDI_NAMES;
  const given = random.pick(
    gender === Gender.FEMALE ? pool.female : gender === Gender.MALE ? pool.male : random.pick([pool.male, pool.female]),
  );
  return `${given} ${random.pick(pool.surnames)}`;
}

function upTags(random: Random, unit: UnitRow, age: number, gender: Gender | null): string[] {
  const tags: string[] = [];
  if (unit.level === 'booth' && random.chance(0.8)) tags.push('booth-worker');
  if (age <= 35 && random.chance(0.7)) tags.push('youth');
  if (gender === Gender.FEMALE && random.chance(0.6)) tags.push('women-wing');
  if (random.chance(age <= 40 ? 0.12 : 0.04)) tags.push('it-cell');
  if (age <= 24 && random.chance(0.6)) tags.push('student');
  return tags;
}

export function buildUpParty(): OrganizationSeed {
  const random = new Random(20210915);
  const people = new PersonFactory(random, INDIA_MOBILES);
  const organization: OrganizationRow = {
    id: UP_PARTY_ID,
    name: 'Lok Sewa Party, Uttar Pradesh',
    shortName: UP_PARTY_SHORT_NAME,
    country: 'IN',
    defaultLocale: 'hi',
    unitLevels: UP_LEVELS,
    memberSequence: 0,
  };
  const tree = new UnitTree(organization);
  const units = buildUnits(tree, random);
  const roll = new MemberRoll(organization);

  const addPerson = (
    unit: UnitRow,
    ages: [number, number],
    latestJoin: string,
    extra: { fullName?: string; gender?: Gender; tags?: string[]; officeHolder: boolean },
  ): MemberRow => {
    const gender =
      extra.gender ??
      (extra.officeHolder
        ? random.weighted([
            [Gender.MALE, 80],
            [Gender.FEMALE, 20],
          ])
        : random.weighted([
            [Gender.MALE, 60],
            [Gender.FEMALE, 38],
            [Gender.UNDISCLOSED, 2],
          ]));
    const fullName = extra.fullName ?? hindiName(random, gender);
    const age = random.int(...ages);
    const dateOfBirth = people.dateOfBirth(age);
    return roll.add({
      fullName,
      gender,
      dateOfBirth,
      phone: extra.officeHolder || random.chance(0.92) ? people.phone() : null,
      email: random.chance(extra.officeHolder ? 0.6 : 0.35) ? people.email(fullName) : null,
      unitId: unit.id,
      joinedOn: people.joinedOn(dateOfBirth, 18, latestJoin),
      status: extra.officeHolder ? MemberStatus.ACTIVE : people.status(),
      tags: [...new Set([...(extra.tags ?? []), ...upTags(random, unit, age, gender)])],
    });
  };

  const positions: PositionRow[] = planOffices(units, random).map((office) => {
    // Office bearers live in the unit they lead, and joined at least a year before taking office.
    const { fullName, gender, tags } = office;
    const member = addPerson(office.unit, office.ages, addYears(office.startsOn, -1), {
      fullName,
      gender,
      tags,
      officeHolder: office.endsOn === null,
    });
    return {
      id: seedId('position', `${member.membershipNumber}:${office.unit.code}:${office.title}:${office.startsOn}`),
      memberId: member.id,
      unitId: office.unit.id,
      title: office.title,
      label: office.label,
      startsOn: office.startsOn,
      endsOn: office.endsOn,
    };
  });

  const ordinaryCount = UP_MEMBER_COUNT - roll.members.length;
  for (let i = 0; i < ordinaryCount; i++) {
    const home = random.weighted([
      [units.booths, 70],
      [units.mandals, 10],
      [units.districts, 20],
    ] as const);
    addPerson(random.pick(home), [18, 70], DATA_AS_OF, { officeHolder: false });
  }

  organization.memberSequence = roll.lastSequence;
  return { organization, units: tree.units, members: roll.members, positions, assignments: [], fieldVisits: [] };
}
