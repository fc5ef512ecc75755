import { saveFixture } from '@sangathan/common';
import type { createPartyFixture } from '@sangathan/membership/test-support';
import type { TrainingTestService } from '../../test-support';
import { CampaignPhase } from '../campaign-phase/campaign-phase.entity';
import { Topic } from '../topic/topic.entity';
import { TrainerTeam } from '../trainer-team/trainer-team.entity';

// Test data for camps and enrolments (case 1). Phases, topics and trainer teams are written straight
// through TypeORM so these tests do not depend on the rules of their own modules.

export type Tree = Awaited<ReturnType<typeof createPartyFixture>>;

export interface CampaignFixture {
  campaignId: string;
  /** Phase 1 (district by district, 20–31 August 2021) and phase 2 (assembly by assembly, 15–30 September 2021). */
  phase1: string;
  phase2: string;
  /** The five topics every camp teaches. */
  topics: string[];
  /** Master-trainer teams. */
  teams: string[];
}

export const TOPIC_TITLES = ['बूथ प्रबंधन', 'सोशल मीडिया का सही उपयोग', 'पार्टी की विचारधारा', 'विपक्ष का रिकॉर्ड (1)', 'विपक्ष का रिकॉर्ड (2)'];

/** "Prashikshan se Parakram", run by `ownerUnitId`, with its phases, topics and trainer teams. */
export async function createCampaignFixture(service: TrainingTestService, ownerUnitId: string): Promise<CampaignFixture> {
  const { createTrainingCampaign } = await service.data<{ createTrainingCampaign: { id: string } }>(
    `mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id } }`,
    {
      input: {
        unitId: ownerUnitId,
        name: 'प्रशिक्षण से पराक्रम',
        startsOn: '2021-08-01',
        endsOn: '2021-12-31',
        targetCamps: 700,
        targetTrainees: 200000,
        status: 'ACTIVE',
      },
    },
  );
  const campaignId = createTrainingCampaign.id;
  const manager = service.dataSource.manager;
  const phase = (number: number, name: string, startsOn: string, endsOn: string, campLevel: string, camps: number, trainees: number) =>
    saveFixture(
      manager,
      manager.create(CampaignPhase, {
        campaignId,
        number,
        name,
        startsOn,
        endsOn,
        campLevel,
        targetCamps: camps,
        targetTrainees: trainees,
      }),
    );
  const phase1 = await phase(1, 'प्रथम चरण', '2021-08-20', '2021-08-31', 'district', 75, 25000);
  const phase2 = await phase(2, 'द्वितीय चरण', '2021-09-15', '2021-09-30', 'vidhan_sabha', 100, 30000);
  const topics = [];
  for (const title of TOPIC_TITLES) topics.push(await saveFixture(manager, manager.create(Topic, { campaignId, title, minutes: 90 })));
  const teams = [];
  for (const name of ['मास्टर ट्रेनर दल 1', 'मास्टर ट्रेनर दल 2'])
    teams.push(await saveFixture(manager, manager.create(TrainerTeam, { campaignId, name })));
  return {
    campaignId,
    phase1: phase1.id,
    phase2: phase2.id,
    topics: topics.map((topic) => topic.id),
    teams: teams.map((team) => team.id),
  };
}

/** One assembly constituency (vidhan sabha) under each district of the tree, in the districts' order. */
export async function addVidhanSabhas(service: TrainingTestService, tree: Tree): Promise<string[]> {
  const ids: string[] = [];
  for (const [index, districtId] of tree.districts.entries()) {
    const { createOrgUnit } = await service.membership.data<{ createOrgUnit: { id: string } }>(
      `mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
      {
        input: {
          organizationId: tree.organizationId,
          level: 'vidhan_sabha',
          name: `विधान सभा ${index + 1}`,
          code: `VS${index + 1}`,
          parentId: districtId,
        },
      },
    );
    ids.push(createOrgUnit.id);
  }
  return ids;
}

/** Members of the tree's organisation, created through membership 100 to a request (aliased mutations). */
export async function createMembers(service: TrainingTestService, tree: Tree, count: number, prefix = 'कार्यकर्ता'): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const size = Math.min(100, count - start);
    const indexes = Array.from({ length: size }, (_, offset) => start + offset);
    const query = `mutation (${indexes.map((i) => `$m${i}: MemberInput!`).join(', ')}) {
      ${indexes.map((i) => `m${i}: createMember(input: $m${i}) { id }`).join('\n')} }`;
    const variables = Object.fromEntries(
      indexes.map((i) => [`m${i}`, { organizationId: tree.organizationId, fullName: `${prefix} ${i + 1}`, unitId: tree.mandals[i % 4] }]),
    );
    const data = await service.membership.data<Record<string, { id: string }>>(query, variables);
    ids.push(...indexes.map((i) => data[`m${i}`].id));
  }
  return ids;
}

/** A camp of phase 2 at a vidhan sabha, through the API. */
export async function createCamp(service: TrainingTestService, input: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const result = await service.request<{ createCamp: { id: string; version: number } }>(
    `mutation ($input: CampInput!) { createCamp(input: $input) { id version } }`,
    { input },
  );
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.createCamp;
}

/** Row counts of the camp and enrolment tables, deleted rows included. */
export async function rowCounts(service: TrainingTestService): Promise<{ camps: number; enrollments: number }> {
  const [row] = await service.dataSource.query(
    'SELECT (SELECT count(*)::int FROM camp) AS camps, (SELECT count(*)::int FROM enrollment) AS enrollments',
  );
  return row as { camps: number; enrollments: number };
}
