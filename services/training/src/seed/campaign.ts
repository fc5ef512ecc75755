import { addDays, Random } from '@sangathan/common';
import { buildDemoOrganizations, type OrganizationSeed } from '@sangathan/membership';
import { v5 } from 'uuid';
import { CampStatus } from '../modules/camp/camp.entity';
import { CampaignStatus } from '../modules/training-campaign/training-campaign.entity';
import { EnrollmentStatus } from '../modules/enrollment/enrollment.entity';

const NAMESPACE = '3b8e6f0a-5c2d-4e7b-9a41-7d0c2f9e8b53';
/** Deterministic ids, so reruns (and other demo records) point at the same rows. */
export const trainingSeedId = (kind: string, key: string) => v5(`training:${kind}:${key}`, NAMESPACE);

type UnitRow = OrganizationSeed['units'][number];
type MemberRow = OrganizationSeed['members'][number];

/** The unit columns a record copies from membership (organisation, unit, ancestry, level). */
const unitCopy = (unit: UnitRow) => ({ organizationId: unit.organizationId, unitId: unit.id, unitPath: unit.path, unitLevel: unit.level });

export interface CampaignRow {
  id: string;
  organizationId: string;
  unitId: string;
  unitPath: string[];
  unitLevel: string;
  name: string;
  description: string;
  startsOn: string;
  endsOn: string;
  targetCamps: number;
  targetTrainees: number;
  status: CampaignStatus;
}

export interface PhaseRow {
  id: string;
  campaignId: string;
  number: number;
  name: string;
  startsOn: string;
  endsOn: string;
  targetCamps: number;
  targetTrainees: number;
  campLevel: string;
}

export interface TopicRow {
  id: string;
  campaignId: string;
  title: string;
  description: string;
  minutes: number;
}

export interface TrainerTeamRow {
  id: string;
  campaignId: string;
  name: string;
  trainerIds: string[];
}

export interface CampRow {
  id: string;
  organizationId: string;
  unitId: string;
  unitPath: string[];
  unitLevel: string;
  campaignId: string;
  phaseId: string;
  venue: string;
  startsOn: string;
  endsOn: string;
  capacity: number;
  trainerTeamId: string | null;
  topicIds: string[];
  status: CampStatus;
}

export interface EnrollmentRow {
  id: string;
  campId: string;
  memberId: string;
  status: EnrollmentStatus;
  topicsAttended: string[];
  completedOn: string | null;
}

export interface TrainingDemo {
  party: OrganizationSeed;
  campaign: CampaignRow;
  phases: PhaseRow[];
  topics: TopicRow[];
  teams: TrainerTeamRow[];
  camps: CampRow[];
  enrollments: EnrollmentRow[];
}

/** Case 1's figures: 200,000 office bearers in 700 camps in 4 phases. */
export const CAMPAIGN_TARGETS = { camps: 700, trainees: 200_000 };
export const TRAINER_TEAMS = 7;
export const TRAINERS_PER_TEAM = 40;

const PHASES = [
  // Phase 1: about 25,000 workers over 11 days, district by district (75 districts).
  { name: 'प्रथम चरण – जिलेवार', startsOn: '2021-08-20', endsOn: '2021-08-30', campLevel: 'district', camps: 75, trainees: 25_000 },
  // Phase 2: 15–30 September 2021, 100 camps, 30,000 office bearers and workers, assembly by assembly.
  {
    name: 'द्वितीय चरण – विधान सभावार',
    startsOn: '2021-09-15',
    endsOn: '2021-09-30',
    campLevel: 'vidhan_sabha',
    camps: 100,
    trainees: 30_000,
  },
  // Phases 3 and 4 carry the rest of the targets down to the mandals.
  { name: 'तृतीय चरण – मंडलवार', startsOn: '2021-10-15', endsOn: '2021-11-15', campLevel: 'mandal', camps: 262, trainees: 72_500 },
  { name: 'चतुर्थ चरण – मंडलवार', startsOn: '2021-11-22', endsOn: '2021-12-22', campLevel: 'mandal', camps: 263, trainees: 72_500 },
];

/** The five topics every camp teaches; booth management is the main focus. */
const TOPICS = [
  { title: 'बूथ प्रबंधन', description: 'Booth management: the main focus of every camp', minutes: 150 },
  { title: 'सोशल मीडिया का सही उपयोग', description: 'Using social media well', minutes: 90 },
  { title: 'पार्टी की विचारधारा', description: 'The party’s ideology', minutes: 90 },
  { title: 'विपक्ष का रिकॉर्ड – कार्यशाला 1', description: 'Workshop on the opposition’s record (1)', minutes: 60 },
  { title: 'विपक्ष का रिकॉर्ड – कार्यशाला 2', description: 'Workshop on the opposition’s record (2)', minutes: 60 },
];

const VENUES = ['जिला पार्टी कार्यालय', 'सामुदायिक भवन', 'किसान भवन', 'रामलीला मैदान सभागार', 'गांधी सभागार', 'अग्रसेन भवन', 'पंचायत भवन'];

/** Trainers were chosen from members who had joined by then. */
const TRAINERS_JOINED_BY = '2021-06-30';

/**
 * Case 1 on the membership demo party (its unit and member ids, built in memory): the state's
 * "Prashikshan se Parakram" campaign with its 4 phases, 5 topics and 7 master-trainer teams of 40;
 * phase 1 held in all 75 districts, phase 2 in the 20 demo assembly constituencies, phase 3 begun in
 * half the demo mandals and phase 4 planned. Members enrol in camps at or above their home unit.
 */
export function buildTrainingDemo(): TrainingDemo {
  const { upParty: party } = buildDemoOrganizations();
  const random = new Random(20210820);
  const units = new Map(party.units.map((unit) => [unit.id, unit]));
  const byLevel = (level: string) => party.units.filter((unit) => unit.level === level);
  const [state] = byLevel('state');

  const campaignId = trainingSeedId('campaign', 'prashikshan-se-parakram-2021');
  const campaign: CampaignRow = {
    id: campaignId,
    ...unitCopy(state),
    name: 'प्रशिक्षण से पराक्रम',
    description:
      'Prashikshan se Parakram: 2 लाख पदाधिकारियों का 700 प्रशिक्षण शिविरों में 4 चरणों में प्रशिक्षण। ' +
      'प्रदेश मुख्यालय लखनऊ में विशेष प्रशिक्षण कार्यबल इसे निरंतर चलाता है।',
    startsOn: '2021-08-01',
    endsOn: '2021-12-31',
    targetCamps: CAMPAIGN_TARGETS.camps,
    targetTrainees: CAMPAIGN_TARGETS.trainees,
    status: CampaignStatus.ACTIVE,
  };
  const phases: PhaseRow[] = PHASES.map((phase, index) => ({
    id: trainingSeedId('phase', `${campaignId}:${index + 1}`),
    campaignId,
    number: index + 1,
    name: phase.name,
    startsOn: phase.startsOn,
    endsOn: phase.endsOn,
    targetCamps: phase.camps,
    targetTrainees: phase.trainees,
    campLevel: phase.campLevel,
  }));
  const topics: TopicRow[] = TOPICS.map((topic, index) => ({
    id: trainingSeedId('topic', `${campaignId}:${index + 1}`),
    campaignId,
    ...topic,
  }));
  const topicIds = topics.map((topic) => topic.id);

  // Master trainers: state, region and division office bearers first, then members who hold no office
  // in a district, assembly constituency or mandal (those are the people the camps train).
  const officeLevel = new Map<string, number>();
  const rank = (level: string) => ['state', 'region', 'division'].indexOf(level);
  for (const position of party.positions) {
    if (position.endsOn !== null) continue;
    const level = units.get(position.unitId)!.level;
    const current = officeLevel.get(position.memberId);
    const value = rank(level) >= 0 ? 0 : ['district', 'vidhan_sabha', 'mandal'].includes(level) ? 2 : 1;
    officeLevel.set(position.memberId, Math.max(current ?? 0, value));
  }
  const joinedInTime = party.members.filter((member) => member.joinedOn <= TRAINERS_JOINED_BY);
  const seniors = joinedInTime.filter((member) => officeLevel.get(member.id) === 0);
  const others = random.sample(
    joinedInTime.filter((member) => !officeLevel.has(member.id) || officeLevel.get(member.id) === 1),
    TRAINER_TEAMS * TRAINERS_PER_TEAM,
  );
  const trainerPool = random.sample([...seniors, ...others].slice(0, TRAINER_TEAMS * TRAINERS_PER_TEAM), TRAINER_TEAMS * TRAINERS_PER_TEAM);
  const trainers = new Set(trainerPool.map((member) => member.id));
  const teams: TrainerTeamRow[] = Array.from({ length: TRAINER_TEAMS }, (_, index) => ({
    id: trainingSeedId('trainer-team', `${campaignId}:${index + 1}`),
    campaignId,
    name: `मास्टर ट्रेनर दल ${index + 1}`,
    trainerIds: trainerPool.slice(index * TRAINERS_PER_TEAM, (index + 1) * TRAINERS_PER_TEAM).map((member) => member.id),
  }));

  // Who may be enrolled in a camp at a unit: members whose home unit lies within it and who had joined
  // by the camp's first day; master trainers teach and are not enrolled. Office bearers come first.
  const membersWithin = new Map<string, MemberRow[]>();
  for (const member of party.members) {
    if (trainers.has(member.id)) continue;
    for (const ancestor of units.get(member.unitId)!.path) {
      if (!membersWithin.has(ancestor)) membersWithin.set(ancestor, []);
      membersWithin.get(ancestor)!.push(member);
    }
  }
  const eligible = (unit: UnitRow, startsOn: string) => {
    const people = (membersWithin.get(unit.id) ?? []).filter((member) => member.joinedOn <= startsOn);
    const bearers = people.filter((member) => officeLevel.has(member.id));
    return [
      ...bearers,
      ...random.sample(
        people.filter((member) => !officeLevel.has(member.id)),
        people.length,
      ),
    ];
  };

  const camps: CampRow[] = [];
  const enrollments: EnrollmentRow[] = [];
  const addCamp = (phase: PhaseRow, unit: UnitRow, index: number, days: number, capacity: number, status: CampStatus): CampRow => {
    const startsOn = addDays(phase.startsOn, days);
    const camp: CampRow = {
      id: trainingSeedId('camp', `${phase.id}:${unit.code}`),
      ...unitCopy(unit),
      campaignId,
      phaseId: phase.id,
      venue: `${random.pick(VENUES)}, ${unit.name}`,
      startsOn,
      endsOn: addDays(startsOn, Math.min(1, dayCount(startsOn, phase.endsOn))),
      capacity,
      trainerTeamId: status === CampStatus.CANCELLED ? null : teams[index % TRAINER_TEAMS].id,
      topicIds,
      status,
    };
    if (phase.number === 1) camp.endsOn = startsOn; // phase 1: a one-day camp per district, 11 days in all
    camps.push(camp);
    return camp;
  };
  /** What happened to each enrolled member: most completed the camp, some attended part of it, a few did not come. */
  const enroll = (camp: CampRow, people: MemberRow[], held: boolean) => {
    for (const member of people) {
      let status = EnrollmentStatus.REGISTERED;
      if (held && camp.status === CampStatus.COMPLETED) {
        const roll = random.next();
        status = roll < 0.78 ? EnrollmentStatus.COMPLETED : roll < 0.9 ? EnrollmentStatus.ATTENDED : EnrollmentStatus.NO_SHOW;
      } else if (held) {
        status = random.chance(0.85) ? EnrollmentStatus.ATTENDED : EnrollmentStatus.REGISTERED;
      }
      const topicsAttended =
        status === EnrollmentStatus.COMPLETED
          ? topicIds
          : status === EnrollmentStatus.ATTENDED
            ? topicIds.filter((_, index) => index === 0 || random.chance(0.6))
            : [];
      enrollments.push({
        id: trainingSeedId('enrollment', `${camp.id}:${member.id}`),
        campId: camp.id,
        memberId: member.id,
        status,
        topicsAttended,
        completedOn: status === EnrollmentStatus.COMPLETED ? camp.endsOn : null,
      });
    }
  };

  // Phase 1: one camp per district, each run by one of the 7 teams; a team holds a camp a day.
  const [phase1, phase2, phase3, phase4] = phases;
  const demoDistricts = new Set(byLevel('vidhan_sabha').map((unit) => unit.parentId));
  byLevel('district').forEach((district, index) => {
    const camp = addCamp(phase1, district, index, Math.floor(index / TRAINER_TEAMS), 350, CampStatus.COMPLETED);
    const people = eligible(district, camp.startsOn);
    // The demo districts have generated members down to the booths: a few hundred each attend.
    enroll(camp, demoDistricts.has(district.id) ? people.slice(0, random.int(240, 320)) : people, true);
  });

  // Phase 2: a two-day camp in each demo assembly constituency across the second half of September.
  byLevel('vidhan_sabha').forEach((constituency, index, all) => {
    const camp = addCamp(phase2, constituency, index, Math.floor((index * 15) / all.length), 300, CampStatus.COMPLETED);
    const people = eligible(constituency, camp.startsOn);
    enroll(camp, people.slice(0, Math.round(people.length * (0.6 + random.next() * 0.2))), true);
  });

  // Phase 3 has begun in half of the demo mandals: the first camps completed, two under way, most planned, two cancelled.
  const mandals = byLevel('mandal');
  mandals
    .filter((_, index) => index % 2 === 0)
    .forEach((mandal, index, all) => {
      const status =
        index < 10
          ? CampStatus.COMPLETED
          : index < 12
            ? CampStatus.ONGOING
            : index === 17 || index === 29
              ? CampStatus.CANCELLED
              : CampStatus.PLANNED;
      const camp = addCamp(phase3, mandal, index, Math.floor((index * 30) / all.length), 60, status);
      const people = eligible(mandal, camp.startsOn);
      if (status === CampStatus.COMPLETED || status === CampStatus.ONGOING)
        enroll(camp, people.slice(0, Math.ceil(people.length * 0.8)), true);
      else if (status === CampStatus.PLANNED && random.chance(0.5)) enroll(camp, people.slice(0, Math.ceil(people.length * 0.5)), false);
    });

  // Phase 4 is planned in the other demo mandals; registration has opened for the first few.
  mandals
    .filter((_, index) => index % 2 === 1)
    .slice(0, 20)
    .forEach((mandal, index, all) => {
      const camp = addCamp(phase4, mandal, index, Math.floor((index * 30) / all.length), 60, CampStatus.PLANNED);
      if (index < 5) enroll(camp, eligible(mandal, camp.startsOn).slice(0, 12), false);
    });

  return { party, campaign, phases, topics, teams, camps, enrollments };
}

/** Days from `from` to `to` (YYYY-MM-DD). */
function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
