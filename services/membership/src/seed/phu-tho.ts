import { VisitPurpose } from '../modules/field-visit/field-visit.entity';
import { Gender, MemberStatus } from '../modules/member/member.entity';
import type { UnitLevel } from '../modules/organization/organization.entity';
import { PositionTitle } from '../modules/position/position.entity';
import { PHU_THO_UNION_ID, PHU_THO_UNION_SHORT_NAME, seedId } from './ids';
import { PHU_THO_COMMUNES, VIETNAMESE_NAMES } from './names';
import { PersonFactory, VIETNAM_MOBILES } from './people';
import { addYears, Random } from '@sangathan/common';
import { PHU_THO } from './reference-units';
import {
  codeSlug,
  DATA_AS_OF,
  MemberRoll,
  UnitTree,
  type AssignmentRow,
  type FieldVisitRow,
  type MemberRow,
  type OrganizationRow,
  type OrganizationSeed,
  type PositionRow,
  type UnitRow,
} from './rows';

// Demo data for case 3: a provincial youth union whose cadres supervise districts and log field visits (2020).

export const PHU_THO_MEMBER_COUNT = 600;
export const PHU_THO_VISIT_COUNT = 150;

export const PHU_THO_LEVELS: UnitLevel[] = [
  { key: 'province', label: 'Province', rank: 0 },
  { key: 'district', label: 'District', rank: 1 },
  { key: 'commune', label: 'Commune / Grassroots', rank: 2 },
];

/** The provincial cadres: the standing committee and the heads of departments and of the office. */
const CADRE_OFFICES: [PositionTitle, string][] = [
  [PositionTitle.SECRETARY, 'Provincial union secretary'],
  [PositionTitle.VICE_PRESIDENT, 'Deputy provincial secretary'],
  [PositionTitle.VICE_PRESIDENT, 'Deputy provincial secretary'],
  [PositionTitle.IN_CHARGE, 'Head of the organisation department'],
  [PositionTitle.IN_CHARGE, 'Chief of office'],
  [PositionTitle.IN_CHARGE, 'Head of the propaganda department'],
  [PositionTitle.IN_CHARGE, 'Head of the rural youth department'],
  [PositionTitle.IN_CHARGE, 'Head of the worker and urban youth department'],
  [PositionTitle.IN_CHARGE, 'Head of the schools department'],
  [PositionTitle.IN_CHARGE, 'Head of the inspection committee'],
  [PositionTitle.IN_CHARGE, 'Deputy head of the organisation department'],
  [PositionTitle.IN_CHARGE, 'Deputy chief of office'],
];

/** The cadre (by index in CADRE_OFFICES) named in the demo scripts. */
const NAMED_CADRE = { index: 3, fullName: 'Nguyễn Thanh Tâm', gender: Gender.MALE };

/** Who supervises which district (by its Latin name) from 2020-01-01; second districts are stand-ins for 2020 only. */
const SUPERVISION: [cadre: number, district: string, endsOn: string | null][] = [
  [0, 'Thanh pho Viet Tri', null],
  [1, 'Thi xa Phu Tho', null],
  [2, 'Doan Hung', null],
  [3, 'Thanh Thuy', null],
  [3, 'Cam Khe', '2020-12-31'],
  [4, 'Ha Hoa', null],
  [5, 'Thanh Ba', null],
  [6, 'Phu Ninh', null],
  [6, 'Lam Thao', '2020-12-31'],
  [7, 'Yen Lap', null],
  [8, 'Cam Khe', null],
  [9, 'Tam Nong', null],
  [9, 'Thanh pho Viet Tri', '2020-12-31'],
  [10, 'Lam Thao', null],
  [11, 'Thanh Son', null],
  [11, 'Tan Son', null],
];
const SUPERVISION_STARTS_ON = '2020-01-01';
const SUPERVISION_NOTE = 'Phụ trách địa bàn theo chủ trương “1+2” (in charge of the area under the “1+2” policy)';

interface VisitKind {
  purpose: VisitPurpose;
  weight: number;
  /** When in 2020 such visits happened (the pandemic waves, the summer storms…). */
  from: string;
  to: string;
  /** One or two of these are logged per visit. */
  activities: readonly string[];
  notes?: (random: Random) => string;
}

const VISIT_KINDS: VisitKind[] = [
  {
    purpose: VisitPurpose.INSPECTION,
    weight: 3,
    from: '2020-01-02',
    to: '2020-12-31',
    activities: [
      'kiểm tra công tác Đoàn và phong trào thanh thiếu nhi (inspection of union and youth work)',
      'kiểm tra hồ sơ, sổ sách đoàn viên (check of member records)',
      'kiểm tra việc thu, nộp đoàn phí (check of dues collection)',
    ],
  },
  {
    purpose: VisitPurpose.SUPERVISION,
    weight: 3,
    from: '2020-01-02',
    to: '2020-12-31',
    activities: [
      'giám sát thực hiện chủ trương “1+2” (supervision of the “1+2” policy)',
      'dự sinh hoạt chi đoàn (attending a branch meeting)',
      'giám sát đại hội chi đoàn (supervision of a branch congress)',
    ],
  },
  {
    purpose: VisitPurpose.VOLUNTEER_WORKS,
    weight: 2,
    from: '2020-03-01',
    to: '2020-08-31',
    activities: [
      'ra quân công trình thanh niên tình nguyện (launch of youth volunteer works)',
      'làm đường giao thông nông thôn (rural road building)',
      'trồng cây xanh (tree planting)',
      'vệ sinh môi trường, thu gom rác thải (clean-up and litter collection)',
    ],
    notes: (random) => {
      const people = random.int(3, 12) * 10;
      return `Huy động ${people} đoàn viên tham gia (${people} members took part)`;
    },
  },
  {
    purpose: VisitPurpose.COMMUNICATION,
    weight: 3,
    from: '2020-02-01',
    to: '2020-04-30',
    activities: [
      'tuyên truyền phòng, chống dịch COVID-19 (pandemic communication)',
      'phát tờ rơi tuyên truyền phòng dịch (leaflets on pandemic prevention)',
      'tuyên truyền trên loa phát thanh thôn (announcements on village loudspeakers)',
    ],
  },
  {
    purpose: VisitPurpose.COMMUNICATION,
    weight: 1,
    from: '2020-07-28',
    to: '2020-09-15',
    activities: [
      'tuyên truyền phòng, chống dịch COVID-19 (pandemic communication)',
      'hướng dẫn khai báo y tế (help with health declarations)',
    ],
  },
  {
    purpose: VisitPurpose.RELIEF,
    weight: 3,
    from: '2020-02-05',
    to: '2020-04-30',
    activities: ['phát khẩu trang và nước rửa tay miễn phí (free mask and sanitiser distribution)'],
    notes: (random) => {
      const masks = random.int(2, 20) * 100;
      const bottles = random.int(5, 30) * 10;
      return `Đã phát ${masks} khẩu trang và ${bottles} chai nước rửa tay (handed out ${masks} masks and ${bottles} bottles of sanitiser)`;
    },
  },
  {
    purpose: VisitPurpose.RELIEF,
    weight: 1,
    from: '2020-07-20',
    to: '2020-08-31',
    activities: [
      'khắc phục hậu quả mưa bão tại trường mầm non (storm-damage recovery at a kindergarten)',
      'dọn cây đổ, sửa mái lớp học (clearing fallen trees, repairing classroom roofs)',
    ],
  },
  {
    purpose: VisitPurpose.MODEL_VISIT,
    weight: 2,
    from: '2020-01-02',
    to: '2020-12-31',
    activities: [
      'thăm mô hình kinh tế của đoàn viên thanh niên (visit to an economic model run by young members)',
      'thăm mô hình trồng chè (visit to a tea-growing model)',
      'thăm trang trại chăn nuôi (visit to a livestock farm)',
    ],
  },
  {
    purpose: VisitPurpose.OTHER,
    weight: 1,
    from: '2020-01-02',
    to: '2020-12-31',
    activities: [
      'làm việc với Ban Thường vụ Huyện đoàn (working session with the district union committee)',
      'tặng quà học sinh nghèo vượt khó (gifts for pupils from poor families)',
    ],
  },
];

function vietnameseName(random: Random, gender: Gender): string {
  const female = gender === Gender.FEMALE;
  for (;;) {
    const family = random.weighted(VIETNAMESE_NAMES.families);
    const middle = random.pick(female ? VIETNAMESE_NAMES.femaleMiddle : VIETNAMESE_NAMES.maleMiddle);
    const given = random.pick(female ? VIETNAMESE_NAMES.female : VIETNAMESE_NAMES.male);
    const name = `${family} ${middle} ${given}`;
    // The named cadre must be the only one of that name, so that demo searches find exactly one.
    if (middle !== given && name !== NAMED_CADRE.fullName) return name;
  }
}

export function buildPhuThoUnion(): OrganizationSeed {
  const random = new Random(20200101);
  const people = new PersonFactory(random, VIETNAM_MOBILES);
  const organization: OrganizationRow = {
    id: PHU_THO_UNION_ID,
    name: 'Đoàn Thanh niên tỉnh Phú Thọ (demo)',
    shortName: PHU_THO_UNION_SHORT_NAME,
    country: 'VN',
    defaultLocale: 'vi',
    unitLevels: PHU_THO_LEVELS,
    memberSequence: 0,
  };

  const tree = new UnitTree(organization);
  const province = tree.add(null, 'province', 'PT', 'Tỉnh Phú Thọ');
  const districts = new Map<string, UnitRow>();
  const communes = new Map<UnitRow, UnitRow[]>();
  for (const district of PHU_THO.districts) {
    const districtUnit = tree.add(province, 'district', `PT-${codeSlug(district.nameLatin)}`, district.name, district.nameLatin);
    districts.set(district.nameLatin, districtUnit);
    communes.set(
      districtUnit,
      PHU_THO_COMMUNES[district.nameLatin].map((name, c) => tree.add(districtUnit, 'commune', `${districtUnit.code}-C${c + 1}`, name)),
    );
  }
  const allCommunes = [...communes.values()].flat();

  const roll = new MemberRoll(organization);
  const addPerson = (
    unit: UnitRow,
    ages: [number, number],
    latestJoin: string,
    extra: { fullName?: string; gender?: Gender; tags?: string[]; officeHolder: boolean },
  ): MemberRow => {
    const gender =
      extra.gender ??
      random.weighted([
        [Gender.MALE, 52],
        [Gender.FEMALE, 48],
      ]);
    const fullName = extra.fullName ?? vietnameseName(random, gender);
    const age = random.int(...ages);
    const dateOfBirth = people.dateOfBirth(age);
    const tags = [...(extra.tags ?? [])];
    if (age <= 22 && random.chance(0.7)) tags.push('student');
    if (random.chance(0.35)) tags.push('volunteer');
    return roll.add({
      fullName,
      gender,
      dateOfBirth,
      phone: extra.officeHolder || random.chance(0.9) ? people.phone() : null,
      email: random.chance(extra.officeHolder ? 0.8 : 0.5) ? people.email(fullName) : null,
      unitId: unit.id,
      joinedOn: people.joinedOn(dateOfBirth, 16, latestJoin),
      status: extra.officeHolder ? MemberStatus.ACTIVE : people.status(),
      tags,
    });
  };
  const position = (member: MemberRow, unit: UnitRow, title: PositionTitle, label: string, startsOn: string): PositionRow => ({
    id: seedId('position', `${member.membershipNumber}:${unit.code}:${title}:${startsOn}`),
    memberId: member.id,
    unitId: unit.id,
    title,
    label,
    startsOn,
    endsOn: null,
  });

  const positions: PositionRow[] = [];
  const cadres = CADRE_OFFICES.map(([title, label], index) => {
    const named = index === NAMED_CADRE.index ? NAMED_CADRE : {};
    const cadre = addPerson(province, [30, 35], '2012-12-31', { ...named, tags: ['cadre'], officeHolder: true });
    positions.push(position(cadre, province, title, label, index === 0 ? '2017-10-25' : random.date('2017-10-25', '2019-12-31')));
    return cadre;
  });
  for (const district of districts.values()) {
    const startsOn = random.date('2017-05-01', '2019-12-31');
    const secretary = addPerson(district, [28, 35], addYears(startsOn, -2), { officeHolder: true });
    positions.push(position(secretary, district, PositionTitle.SECRETARY, 'District union secretary', startsOn));
  }
  for (const commune of allCommunes) {
    const startsOn = random.date('2019-06-01', '2022-12-31');
    const secretary = addPerson(commune, [26, 35], addYears(startsOn, -2), { officeHolder: true });
    positions.push(position(secretary, commune, PositionTitle.SECRETARY, 'Grassroots union secretary', startsOn));
  }
  const ordinaryCount = PHU_THO_MEMBER_COUNT - roll.members.length;
  for (let i = 0; i < ordinaryCount; i++) {
    const home = random.chance(0.85) ? random.pick(allCommunes) : random.pick([...districts.values()]);
    addPerson(home, [16, 35], DATA_AS_OF, { officeHolder: false });
  }

  const supervision = SUPERVISION.map(([cadre, districtLatin, endsOn]) => {
    const district = districts.get(districtLatin);
    if (!district) throw new Error(`no Phú Thọ district ${districtLatin}`);
    const assignment: AssignmentRow = {
      id: seedId('assignment', `${cadres[cadre].membershipNumber}:${district.code}:${SUPERVISION_STARTS_ON}`),
      cadreId: cadres[cadre].id,
      unitId: district.id,
      startsOn: SUPERVISION_STARTS_ON,
      endsOn,
      note: SUPERVISION_NOTE,
    };
    return { assignment, district };
  });

  // Every visit goes to the supervised district itself or one of its communes, within 2020.
  const fieldVisits: FieldVisitRow[] = [];
  for (let n = 1; n <= PHU_THO_VISIT_COUNT; n++) {
    const { assignment, district } = random.pick(supervision);
    const kind = random.weighted(VISIT_KINDS.map((k) => [k, k.weight] as const));
    const unit = random.chance(0.75) ? random.pick(communes.get(district)!) : district;
    fieldVisits.push({
      id: seedId('field-visit', `${PHU_THO_UNION_SHORT_NAME}:${n}`),
      cadreId: assignment.cadreId,
      unitId: unit.id,
      visitedOn: random.date(kind.from, kind.to),
      purpose: kind.purpose,
      activities: random.sample(kind.activities, random.int(1, Math.min(2, kind.activities.length))),
      notes: kind.notes?.(random) ?? null,
    });
  }

  organization.memberSequence = roll.lastSequence;
  const assignments = supervision.map(({ assignment }) => assignment);
  return { organization, units: tree.units, members: roll.members, positions, assignments, fieldVisits };
}
