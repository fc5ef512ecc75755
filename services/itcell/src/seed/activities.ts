import { addDays, Random, searchKey } from '@sangathan/common';
import { MeetingKind } from '../modules/meeting/meeting.entity';
import { DriveKind } from '../modules/outreach-drive/outreach-drive.entity';
import { defaultUrl } from '../modules/social-account/social-account.service';
import { SocialPlatform } from '../modules/social-account/social-account.entity';
import { TeamRole } from '../modules/team-member/team-member.entity';
import { itcellSeedId, type ItcellDemo, type TeamRow } from './teams';

type UnitRow = ItcellDemo['party']['units'][number];

const unitCopy = (unit: UnitRow) => ({ organizationId: unit.organizationId, unitId: unit.id, unitPath: unit.path, unitLevel: unit.level });

/** Accounts, the 2018 meetings and the app-onboarding and voter-registration drives of case 2. */
export function buildActivities(demo: ItcellDemo) {
  const random = new Random(20180609);
  const { party, teams, roles, stateTeam } = demo;
  const units = new Map(party.units.map((unit) => [unit.id, unit]));
  const unitOf = (team: TeamRow) => units.get(team.unitId)!;
  const holders = (team: TeamRow, role: TeamRole) =>
    roles.filter((r) => r.teamId === team.id && r.role === role && r.until === null).map((r) => r.memberId);
  const teamsAt = (level: string) => teams.filter((team) => team.unitLevel === level);
  const latinSlug = (unit: UnitRow) => unit.nameLatin.replace(/[^A-Za-z0-9]/g, '');

  // Accounts: the state department's handles, every region team's page, district WhatsApp groups.
  const accounts: object[] = [];
  const account = (
    platform: SocialPlatform,
    handle: string,
    owner: { team?: TeamRow; memberId?: string },
    followers: number,
    verified = false,
  ) =>
    accounts.push({
      id: itcellSeedId('account', `${platform}:${handle}`),
      organizationId: party.organization.id,
      platform,
      handle,
      url: defaultUrl(platform, handle),
      followers,
      verified,
      ownerTeamId: owner.team?.id ?? null,
      ownerMemberId: owner.memberId ?? null,
    });
  account(SocialPlatform.X, 'LSP_UP_IT', { team: stateTeam }, 182_400, true);
  account(SocialPlatform.FACEBOOK, 'LSPUttarPradesh', { team: stateTeam }, 1_240_000, true);
  account(SocialPlatform.YOUTUBE, '@LSPUttarPradesh', { team: stateTeam }, 96_300, true);
  account(SocialPlatform.INSTAGRAM, 'lsp.uttarpradesh', { team: stateTeam }, 58_700);
  for (const team of teamsAt('region'))
    account(SocialPlatform.FACEBOOK, `LSP${latinSlug(unitOf(team))}Kshetra`, { team }, random.int(8_000, 60_000));
  teamsAt('district').forEach((team, index) => {
    account(SocialPlatform.FACEBOOK, `LSP${latinSlug(unitOf(team))}`.slice(0, 50), { team }, random.int(1_500, 25_000));
    account(SocialPlatform.WHATSAPP, `+9194150${String(10000 + index).padStart(5, '0')}`, { team }, random.int(150, 256));
  });
  holders(stateTeam, TeamRole.CONVENOR).forEach((memberId) => account(SocialPlatform.X, 'sanjay_rai_it', { memberId }, 21_300, true));

  // The two planning meetings of 2018 at the state office, then the wider programme.
  const meetings: object[] = [];
  const attendees: object[] = [];
  const stateUnit = unitOf(stateTeam);
  const [convenor] = holders(stateTeam, TeamRole.CONVENOR);
  const coConvenors = holders(stateTeam, TeamRole.CO_CONVENOR);
  const convenorsOf = (level: string) => teamsAt(level).flatMap((team) => holders(team, TeamRole.CONVENOR));
  const meeting = (
    key: string,
    unit: UnitRow,
    kind: MeetingKind,
    title: string,
    startsAt: string,
    venue: string,
    chairId: string | null,
    sessions: { title: string; speakerIds: string[] }[],
    people: string[],
    minutes: string | null,
  ) => {
    const id = itcellSeedId('meeting', key);
    const present = [...new Set(people)];
    meetings.push({
      id,
      ...unitCopy(unit),
      kind,
      title,
      searchKey: searchKey(`${title} ${venue}`),
      startsAt: new Date(startsAt),
      venue,
      chairId,
      sessions,
      attendeeCount: present.length,
      minutes,
    });
    for (const memberId of present) attendees.push({ id: itcellSeedId('attendee', `${key}:${memberId}`), meetingId: id, memberId });
  };
  const stateOffice = 'प्रदेश कार्यालय, लखनऊ';
  const stateMembers = roles.filter((r) => r.teamId === stateTeam.id).map((r) => r.memberId);
  meeting(
    'planning-2018-06',
    stateUnit,
    MeetingKind.PLANNING_MEETING,
    'प्रदेश आईटी विभाग की योजना बैठक',
    '2018-06-09T10:30:00+05:30',
    stateOffice,
    convenor,
    [
      { title: 'बूथ स्तर तक सोशल मीडिया टीमों का गठन', speakerIds: [convenor] },
      { title: 'पार्टी ऐप पर नए कार्यकर्ताओं और समर्थकों को जोड़ना', speakerIds: coConvenors.slice(0, 1) },
      { title: '18 वर्ष से ऊपर के नागरिकों का मतदाता पंजीकरण', speakerIds: coConvenors.slice(1, 2) },
    ],
    [...stateMembers, ...convenorsOf('region')],
    'सभी क्षेत्रों में 10 जुलाई तक मंडल स्तर तक टीमों का पुनर्गठन; हर जिले में ऐप प्रभारी नियुक्त होंगे।',
  );
  meeting(
    'planning-2018-07',
    stateUnit,
    MeetingKind.PLANNING_MEETING,
    'मंडल स्तर तक पुनर्गठन की समीक्षा बैठक',
    '2018-07-03T11:00:00+05:30',
    stateOffice,
    convenor,
    [
      { title: 'क्षेत्रवार पुनर्गठन की प्रगति', speakerIds: convenorsOf('region').slice(0, 3) },
      { title: 'बूथ स्तर पर साइबर योद्धा', speakerIds: [convenor] },
    ],
    [...stateMembers, ...convenorsOf('region'), ...convenorsOf('district').slice(0, 30)],
    '1,471 मंडलों में से जहां टीमें नहीं बनीं, उनकी सूची क्षेत्र संयोजकों को भेजी गई।',
  );
  meeting(
    'conference-2018-08',
    stateUnit,
    MeetingKind.CONFERENCE,
    'जिला संयोजकों और ऐप प्रभारियों का प्रदेश सम्मेलन',
    '2018-08-12T10:00:00+05:30',
    'इंदिरा गांधी प्रतिष्ठान, लखनऊ',
    convenor,
    [{ title: 'ऐप अभियान: लक्ष्य और रिपोर्टिंग', speakerIds: coConvenors }],
    [...convenorsOf('district'), ...teamsAt('district').flatMap((team) => holders(team, TeamRole.APP_IN_CHARGE))],
    null,
  );
  teamsAt('region').forEach((team, index) => {
    const region = unitOf(team);
    const [regionConvenor] = holders(team, TeamRole.CONVENOR);
    const districtPeople = teamsAt('district')
      .filter((district) => district.unitPath.includes(region.id))
      .flatMap((district) => roles.filter((r) => r.teamId === district.id).map((r) => r.memberId));
    meeting(
      `workshop-${region.code}`,
      region,
      MeetingKind.WORKSHOP,
      `${region.name} क्षेत्र सोशल मीडिया कार्यशाला`,
      `${addDays('2018-07-20', index * 3)}T10:00:00+05:30`,
      `${region.name} क्षेत्रीय कार्यालय`,
      regionConvenor ?? null,
      [{ title: 'सोशल मीडिया का सही उपयोग', speakerIds: regionConvenor ? [regionConvenor] : [] }],
      [...(regionConvenor ? [regionConvenor] : []), ...districtPeople],
      null,
    );
  });
  for (const team of teamsAt('district').filter((t) =>
    roles.some((r) => r.role === TeamRole.CYBER_WARRIOR && teams.find((b) => b.id === r.teamId)!.unitPath.includes(t.unitId)),
  )) {
    const district = unitOf(team);
    const warriors = roles
      .filter((r) => r.role === TeamRole.CYBER_WARRIOR && teams.find((b) => b.id === r.teamId)!.unitPath.includes(district.id))
      .map((r) => r.memberId);
    meeting(
      `volunteer-meet-${district.code}`,
      district,
      MeetingKind.VOLUNTEER_MEET,
      `${district.name} सोशल मीडिया स्वयंसेवक मिलन`,
      '2018-09-16T16:00:00+05:30',
      `${district.name} जिला कार्यालय`,
      holders(team, TeamRole.CONVENOR)[0] ?? null,
      [],
      warriors.slice(0, 120),
      null,
    );
  }

  // App onboarding: a target for every district, weekly reports by the district app in-charges.
  const drives: object[] = [];
  const targets: object[] = [];
  const reports: object[] = [];
  const appDriveId = itcellSeedId('drive', 'app-onboarding-2018');
  drives.push({
    id: appDriveId,
    ...unitCopy(stateUnit),
    kind: DriveKind.APP_ONBOARDING,
    name: 'पार्टी ऐप से जुड़ें अभियान 2018',
    startsOn: '2018-07-15',
    endsOn: '2018-12-31',
  });
  for (const district of party.units.filter((unit) => unit.level === 'district')) {
    targets.push({
      id: itcellSeedId('target', `${appDriveId}:${district.id}`),
      driveId: appDriveId,
      ...unitCopy(district),
      target: random.int(20, 80) * 100,
    });
    const team = teams.find((t) => t.unitId === district.id);
    const inCharge = team && holders(team, TeamRole.APP_IN_CHARGE)[0];
    if (!inCharge) continue;
    for (let week = 0; week < 24; week++) {
      if (!random.chance(0.8)) continue;
      const reportedOn = addDays('2018-07-21', week * 7);
      reports.push({
        id: itcellSeedId('report', `${appDriveId}:${district.id}:${week}`),
        driveId: appDriveId,
        ...unitCopy(district),
        reportedOn,
        count: random.int(20, 260),
        reportedById: inCharge,
        note: null,
      });
    }
  }
  // Voter registration in the demo constituencies.
  const voterDriveId = itcellSeedId('drive', 'voter-registration-2018');
  drives.push({
    id: voterDriveId,
    ...unitCopy(stateUnit),
    kind: DriveKind.VOTER_REGISTRATION,
    name: 'मतदाता पंजीकरण अभियान 2018 (18+)',
    startsOn: '2018-09-01',
    endsOn: '2018-10-31',
  });
  for (const constituency of party.units.filter((unit) => unit.level === 'vidhan_sabha')) {
    targets.push({
      id: itcellSeedId('target', `${voterDriveId}:${constituency.id}`),
      driveId: voterDriveId,
      ...unitCopy(constituency),
      target: random.int(30, 90) * 100,
    });
    const reporter = teams.find((t) => t.unitPath.includes(constituency.id) && holders(t, TeamRole.CONVENOR).length);
    if (!reporter) continue;
    for (let week = 0; week < 8; week++) {
      reports.push({
        id: itcellSeedId('report', `${voterDriveId}:${constituency.id}:${week}`),
        driveId: voterDriveId,
        ...unitCopy(constituency),
        reportedOn: addDays('2018-09-07', week * 7),
        count: random.int(100, 900),
        reportedById: holders(reporter, TeamRole.CONVENOR)[0],
        note: null,
      });
    }
  }
  return { accounts, meetings, attendees, drives, targets, reports };
}
