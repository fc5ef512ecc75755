import { saveFixture, writeFixture } from '@sangathan/common';
import { createMember, createPartyFixture } from '@sangathan/membership/test-support';
import { startTrainingTestService, type TrainingTestService } from '../../test-support';
import { Camp, CampStatus } from '../camp/camp.entity';
import { CampaignStatus, TrainingCampaign } from '../training-campaign/training-campaign.entity';
import { Enrollment, EnrollmentStatus } from '../enrollment/enrollment.entity';
import { CampaignPhase } from '../campaign-phase/campaign-phase.entity';
import { Topic } from '../topic/topic.entity';

let service: TrainingTestService;
beforeAll(async () => {
  service = await startTrainingTestService('progress');
});
afterAll(() => service.stop());

type Tree = Awaited<ReturnType<typeof createPartyFixture>>;
type Counts = { campsPlanned: number; campsHeld: number; trainees: number };
type Progress = Counts & { targetCamps: number; targetTrainees: number; percentCamps: number; percentTrainees: number };
type UnitProgress = Counts & { unitId: string; unit: { id: string } };

const { COMPLETED, ONGOING, PLANNED, CANCELLED } = CampStatus;
const E = EnrollmentStatus;
const PROGRESS = 'targetCamps campsPlanned campsHeld targetTrainees trainees percentCamps percentTrainees';
const UNIT_PROGRESS = 'unitId unit { id } campsPlanned campsHeld trainees';

/** What the test wrote, to count from independently of the service. */
interface CampRow {
  id: string;
  campaignId: string;
  phaseId: string;
  unitId: string;
  status: CampStatus;
  capacity: number;
  deleted: boolean;
}
interface EnrollmentRow {
  campId: string;
  memberId: string;
  status: EnrollmentStatus;
  deleted: boolean;
}

/** The fixture's parent of every unit, as the test built it (state → regions → districts → mandals → booths). */
function parentsOf(tree: Tree): Map<string, string> {
  const parents = new Map<string, string>();
  tree.regions.forEach((region) => parents.set(region, tree.state));
  tree.districts.forEach((district, index) => parents.set(district, tree.regions[Math.floor(index / 2)]));
  tree.mandals.forEach((mandal, index) => parents.set(mandal, tree.districts[index]));
  tree.booths.forEach((booth, index) => parents.set(booth, tree.mandals[Math.floor(index / 2)]));
  return parents;
}

function within(parents: Map<string, string>, unit: string, ancestor: string): boolean {
  for (let current: string | undefined = unit; current; current = parents.get(current)) if (current === ancestor) return true;
  return false;
}

const expectedPercent = (achieved: number, target: number) => (target === 0 ? 0 : Math.round((achieved * 1000) / target) / 10);

/** Counted camps are live and not cancelled; held ones ONGOING or COMPLETED; trainees distinct members ATTENDED or COMPLETED. */
function expectedCounts(camps: CampRow[], enrollments: EnrollmentRow[], include: (camp: CampRow) => boolean): Counts {
  const counted = camps.filter((camp) => !camp.deleted && camp.status !== CANCELLED && include(camp));
  const countedIds = new Set(counted.map((camp) => camp.id));
  const trainees = new Set(
    enrollments
      .filter((row) => !row.deleted && [E.ATTENDED, E.COMPLETED].includes(row.status) && countedIds.has(row.campId))
      .map((row) => row.memberId),
  );
  return {
    campsPlanned: counted.length,
    campsHeld: counted.filter((camp) => camp.status === ONGOING || camp.status === COMPLETED).length,
    trainees: trainees.size,
  };
}

function expectedProgress(counts: Counts, targetCamps: number, targetTrainees: number): Progress {
  return {
    targetCamps,
    targetTrainees,
    ...counts,
    percentCamps: expectedPercent(counts.campsHeld, targetCamps),
    percentTrainees: expectedPercent(counts.trainees, targetTrainees),
  };
}

const sortByUnit = (list: UnitProgress[]) => [...list].sort((a, b) => a.unitId.localeCompare(b.unitId));

/** Writes campaigns, phases, topics, camps and enrolments straight through TypeORM, with unit copies taken from membership. */
class Writer {
  readonly camps: CampRow[] = [];
  readonly enrollments: EnrollmentRow[] = [];
  private units = new Map<string, { id: string; organizationId: string; level: string; path: string[] }>();

  constructor(private readonly tree: Tree) {}

  async loadUnits(): Promise<void> {
    const { tree } = this;
    const ids = [tree.state, ...tree.regions, ...tree.districts, ...tree.mandals, ...tree.booths];
    const { orgUnits } = await service.membership.data<{
      orgUnits: { items: { id: string; organizationId: string; level: string; path: string[] }[] };
    }>(`query ($ids: [ID!]) { orgUnits(filter: { ids: $ids }, page: { limit: 100 }) { items { id organizationId level path } } }`, { ids });
    this.units = new Map(orgUnits.items.map((unit) => [unit.id, unit]));
    expect(this.units.size).toBe(ids.length);
  }

  private unitCopy(unitId: string) {
    const unit = this.units.get(unitId)!;
    return { organizationId: unit.organizationId, unitId, unitPath: unit.path, unitLevel: unit.level };
  }

  async campaign(unitId: string, targetCamps: number, targetTrainees: number): Promise<TrainingCampaign> {
    const manager = service.dataSource.manager;
    return saveFixture(
      manager,
      manager.create(TrainingCampaign, {
        ...this.unitCopy(unitId),
        name: 'प्रशिक्षण से पराक्रम',
        startsOn: '2021-08-01',
        endsOn: '2021-12-31',
        targetCamps,
        targetTrainees,
        status: CampaignStatus.ACTIVE,
      }),
    );
  }

  async phase(campaignId: string, number: number, campLevel: string, startsOn: string, targets: [number, number]): Promise<CampaignPhase> {
    const manager = service.dataSource.manager;
    const endsOn = `${startsOn.slice(0, 8)}30`;
    return saveFixture(
      manager,
      manager.create(CampaignPhase, {
        campaignId,
        number,
        name: `चरण ${number}`,
        startsOn,
        endsOn,
        campLevel,
        targetCamps: targets[0],
        targetTrainees: targets[1],
      }),
    );
  }

  async topics(campaignId: string): Promise<string[]> {
    const manager = service.dataSource.manager;
    const ids: string[] = [];
    for (const title of ['बूथ प्रबंधन', 'सोशल मीडिया', 'विचारधारा', 'विपक्ष 1', 'विपक्ष 2'])
      ids.push((await saveFixture(manager, manager.create(Topic, { campaignId, title, minutes: 90 }))).id);
    return ids;
  }

  /** A camp at a unit at the phase's level, on the phase's first days; `deleted` soft-deletes it. */
  async camp(phase: CampaignPhase, unitId: string, status: CampStatus, topicIds: string[], options: { deleted?: boolean } = {}) {
    expect(this.units.get(unitId)!.level).toBe(phase.campLevel);
    const manager = service.dataSource.manager;
    const capacity = 20 + this.camps.length;
    const camp = await saveFixture(
      manager,
      manager.create(Camp, {
        ...this.unitCopy(unitId),
        campaignId: phase.campaignId,
        phaseId: phase.id,
        venue: 'सामुदायिक भवन',
        startsOn: phase.startsOn,
        endsOn: phase.startsOn,
        capacity,
        trainerTeamId: null,
        topicIds,
        status,
      }),
    );
    if (options.deleted) await writeFixture(service.dataSource, (fixture) => fixture.softDelete(Camp, camp.id));
    const row: CampRow = {
      id: camp.id,
      campaignId: phase.campaignId,
      phaseId: phase.id,
      unitId,
      status,
      capacity,
      deleted: Boolean(options.deleted),
    };
    this.camps.push(row);
    return row;
  }

  async enroll(camp: CampRow, memberId: string, status: EnrollmentStatus, deleted = false): Promise<void> {
    const manager = service.dataSource.manager;
    const [{ starts_on: startsOn }] = await service.dataSource.query('SELECT starts_on::text FROM camp WHERE id = $1', [camp.id]);
    const enrollment = await saveFixture(
      manager,
      manager.create(Enrollment, { campId: camp.id, memberId, status, completedOn: status === E.COMPLETED ? startsOn : null }),
    );
    if (deleted) await writeFixture(service.dataSource, (fixture) => fixture.softDelete(Enrollment, enrollment.id));
    this.enrollments.push({ campId: camp.id, memberId, status, deleted });
  }
}

async function createMembers(tree: Tree, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      await createMember(service.membership, {
        organizationId: tree.organizationId,
        fullName: `प्रशिक्षु ${i + 1}`,
        unitId: tree.booths[i % tree.booths.length],
      }),
    );
  }
  return ids;
}

/**
 * A state campaign: phase 1 at districts (two completed camps, one ongoing, one cancelled) and phase 2 at
 * mandals (completed, planned, and a deleted camp). Members trained in two camps, no-shows, registered,
 * cancelled and deleted enrolments, and enrolments in the cancelled and the deleted camp.
 */
async function fillCampaign(tree: Tree) {
  const writer = new Writer(tree);
  await writer.loadUnits();
  const m = await createMembers(tree, 10);
  const campaign = await writer.campaign(tree.state, 8, 30);
  const phase1 = await writer.phase(campaign.id, 1, 'district', '2021-08-20', [4, 12]);
  const phase2 = await writer.phase(campaign.id, 2, 'mandal', '2021-09-15', [3, 0]);
  const topics = await writer.topics(campaign.id);
  const [d0, d1, d2, d3] = tree.districts;
  const a = await writer.camp(phase1, d0, COMPLETED, topics);
  const b = await writer.camp(phase1, d1, COMPLETED, topics);
  const c = await writer.camp(phase1, d2, ONGOING, topics);
  const d = await writer.camp(phase1, d3, CANCELLED, topics);
  const e = await writer.camp(phase2, tree.mandals[0], COMPLETED, topics);
  const f = await writer.camp(phase2, tree.mandals[0], PLANNED, topics);
  const g = await writer.camp(phase2, tree.mandals[3], COMPLETED, topics);
  const h = await writer.camp(phase2, tree.mandals[2], COMPLETED, topics, { deleted: true });
  await writer.enroll(a, m[0], E.COMPLETED);
  await writer.enroll(a, m[1], E.COMPLETED);
  await writer.enroll(a, m[2], E.ATTENDED);
  await writer.enroll(a, m[3], E.NO_SHOW);
  await writer.enroll(a, m[4], E.REGISTERED);
  await writer.enroll(a, m[5], E.COMPLETED, true);
  await writer.enroll(b, m[6], E.COMPLETED);
  await writer.enroll(b, m[7], E.CANCELLED);
  await writer.enroll(c, m[8], E.ATTENDED);
  await writer.enroll(c, m[0], E.ATTENDED);
  await writer.enroll(d, m[9], E.ATTENDED);
  await writer.enroll(e, m[0], E.COMPLETED);
  await writer.enroll(e, m[1], E.ATTENDED);
  await writer.enroll(e, m[5], E.COMPLETED);
  await writer.enroll(f, m[2], E.REGISTERED);
  await writer.enroll(g, m[9], E.COMPLETED);
  await writer.enroll(g, m[3], E.COMPLETED);
  await writer.enroll(h, m[4], E.COMPLETED);
  return { writer, members: m, campaign, phase1, phase2, topics, camps: { a, b, c, d, e, f, g, h } };
}

const CAMPAIGN_PROGRESS = `query ($id: ID!, $level: String!) { trainingCampaign(id: $id) {
  progress { ${PROGRESS} } progressByUnit(level: $level) { ${UNIT_PROGRESS} }
  phases { id number progress { ${PROGRESS} } progressByUnit(level: $level) { ${UNIT_PROGRESS} } } } }`;

type CampaignAnswer = {
  progress: Progress;
  progressByUnit: UnitProgress[];
  phases: { id: string; number: number; progress: Progress; progressByUnit: UnitProgress[] }[];
};

const campaignProgress = async (id: string, level: string) =>
  (await service.data<{ trainingCampaign: CampaignAnswer }>(CAMPAIGN_PROGRESS, { id, level })).trainingCampaign;

const fieldsOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => {
  expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  return result.errors?.[0].extensions?.fields;
};

describe('training progress', () => {
  it('counts camps and distinct trainees for the campaign, its phases and camps, and rolls them up to districts and regions', async () => {
    const tree = await createPartyFixture(service.membership, 'A');
    const { writer, campaign, phase1, phase2, camps } = await fillCampaign(tree);
    const parents = parentsOf(tree);
    const all = writer.camps;
    const enrollments = writer.enrollments;

    const byDistrict = await campaignProgress(campaign.id, 'district');
    // Counted independently from what was written…
    expect(byDistrict.progress).toEqual(
      expectedProgress(
        expectedCounts(all, enrollments, () => true),
        8,
        30,
      ),
    );
    // …and by hand: camps a, b, c, e, f count (d is cancelled, h deleted); a, b, c, e, g were held; m0 trained
    // in a, c and e counts once; m3's no-show in a does not count but its completion in g does; m5's deleted
    // enrolment in a does not count but e does; m9 only attended the cancelled camp d and then g.
    expect(byDistrict.progress).toEqual({
      targetCamps: 8,
      campsPlanned: 6,
      campsHeld: 5,
      targetTrainees: 30,
      trainees: 8,
      percentCamps: 62.5,
      percentTrainees: 26.7,
    });
    expect(sortByUnit(byDistrict.progressByUnit)).toEqual(
      sortByUnit(
        tree.districts.map((unitId) => ({
          unitId,
          unit: { id: unitId },
          ...expectedCounts(all, enrollments, (camp) => within(parents, camp.unitId, unitId)),
        })),
      ),
    );
    // District 0: camps a, e, f; m0 (a and e) once, m1, m2, m5.
    expect(byDistrict.progressByUnit.find((row) => row.unitId === tree.districts[0])).toMatchObject({
      campsPlanned: 3,
      campsHeld: 2,
      trainees: 4,
    });

    const [first, second] = byDistrict.phases;
    expect([first.number, second.number]).toEqual([1, 2]);
    expect(first.progress).toEqual(
      expectedProgress(
        expectedCounts(all, enrollments, (camp) => camp.phaseId === phase1.id),
        4,
        12,
      ),
    );
    expect(first.progress).toEqual({
      targetCamps: 4,
      campsPlanned: 3,
      campsHeld: 3,
      targetTrainees: 12,
      trainees: 5,
      percentCamps: 75,
      percentTrainees: 41.7,
    });
    // A target of 0 trainees gives 0 percent.
    expect(second.progress).toEqual(
      expectedProgress(
        expectedCounts(all, enrollments, (camp) => camp.phaseId === phase2.id),
        3,
        0,
      ),
    );
    expect(second.progress).toMatchObject({ campsPlanned: 3, campsHeld: 2, trainees: 5, percentCamps: 66.7, percentTrainees: 0 });
    for (const [phase, answer] of [
      [phase1, first],
      [phase2, second],
    ] as const) {
      expect(sortByUnit(answer.progressByUnit)).toEqual(
        sortByUnit(
          tree.districts.map((unitId) => ({
            unitId,
            unit: { id: unitId },
            ...expectedCounts(all, enrollments, (camp) => camp.phaseId === phase.id && within(parents, camp.unitId, unitId)),
          })),
        ),
      );
    }

    const byRegion = await campaignProgress(campaign.id, 'region');
    expect(sortByUnit(byRegion.progressByUnit)).toEqual(
      sortByUnit(
        tree.regions.map((unitId) => ({
          unitId,
          unit: { id: unitId },
          ...expectedCounts(all, enrollments, (camp) => within(parents, camp.unitId, unitId)),
        })),
      ),
    );
    // m0 trained in both regions: once in each, once in the campaign.
    expect(byRegion.progressByUnit.reduce((sum, row) => sum + row.trainees, 0)).toBe(byRegion.progress.trainees + 1);
    expect((await campaignProgress(campaign.id, 'state')).progressByUnit).toEqual([
      { unitId: tree.state, unit: { id: tree.state }, campsPlanned: 6, campsHeld: 5, trainees: 8 },
    ]);
    expect((await campaignProgress(campaign.id, 'booth')).progressByUnit).toHaveLength(8);
    expect((await campaignProgress(campaign.id, 'no_such_level')).progressByUnit).toEqual([]);
    expect(fieldsOf(await service.request(CAMPAIGN_PROGRESS, { id: campaign.id, level: ' ' }))).toEqual({ level: 'must not be empty' });

    // Each camp: a target of 1 camp and of its capacity in trainees.
    const { camps: list } = await service.data<{ camps: { items: { id: string; capacity: number; progress: Progress }[] } }>(
      `query ($c: ID!) { camps(filter: { campaignId: $c }, page: { limit: 50 }) { items { id capacity progress { ${PROGRESS} } } } }`,
      { c: campaign.id },
    );
    expect(list.items).toHaveLength(7);
    for (const item of list.items) {
      const camp = all.find((row) => row.id === item.id)!;
      expect(item.progress).toEqual(
        expectedProgress(
          expectedCounts(all, enrollments, (row) => row.id === camp.id),
          1,
          camp.capacity,
        ),
      );
    }
    expect(list.items.find((item) => item.id === camps.a.id)?.progress).toEqual({
      targetCamps: 1,
      campsPlanned: 1,
      campsHeld: 1,
      targetTrainees: camps.a.capacity,
      trainees: 3,
      percentCamps: 100,
      percentTrainees: expectedPercent(3, camps.a.capacity),
    });
    expect(list.items.find((item) => item.id === camps.d.id)?.progress).toMatchObject({ campsPlanned: 0, campsHeld: 0, trainees: 0 });
    expect(list.items.find((item) => item.id === camps.f.id)?.progress).toMatchObject({ campsPlanned: 1, campsHeld: 0, trainees: 0 });

    // OrgUnit.trainingProgress: the campaign's targets at its owner unit, none below it.
    const { _entities } = await service.data<{ _entities: ({ id: string; trainingProgress: Progress | null } | null)[] }>(
      `query ($r: [_Any!]!, $c: ID!) { _entities(representations: $r) { ... on OrgUnit { id trainingProgress(campaignId: $c) { ${PROGRESS} } } } }`,
      { r: [tree.state, ...tree.districts].map((id) => ({ __typename: 'OrgUnit', id })), c: campaign.id },
    );
    expect(_entities[0]!.trainingProgress).toEqual(byDistrict.progress);
    tree.districts.forEach((unitId, index) => {
      expect(_entities[index + 1]!.trainingProgress).toEqual(
        expectedProgress(
          expectedCounts(all, enrollments, (camp) => within(parents, camp.unitId, unitId)),
          0,
          0,
        ),
      );
    });
    expect(_entities[1]!.trainingProgress).toMatchObject({ campsPlanned: 3, campsHeld: 2, trainees: 4, percentCamps: 0 });
    const unknown = await service.data<{ _entities: { trainingProgress: Progress | null }[] }>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { trainingProgress(campaignId: "00000000-0000-4000-8000-000000000000") { trainees } } } }`,
      { r: [{ __typename: 'OrgUnit', id: tree.state }] },
    );
    expect(unknown._entities[0].trainingProgress).toBeNull();
    expect(
      fieldsOf(
        await service.request(
          `query ($r: [_Any!]!) { _entities(representations: $r) { ... on OrgUnit { trainingProgress(campaignId: "x") { trainees } } } }`,
          { r: [{ __typename: 'OrgUnit', id: tree.state }] },
        ),
      ),
    ).toEqual({ campaignId: '"x" is not a valid id' });
  });

  it('lists only the units within a campaign’s owner unit and counts only its own camps', async () => {
    const tree = await createPartyFixture(service.membership, 'B');
    const { members } = await fillCampaign(tree);
    const writer = new Writer(tree);
    await writer.loadUnits();
    // A campaign of region 1 with one camp at district 2 that shares a member with the state campaign.
    const regional = await writer.campaign(tree.regions[1], 2, 10);
    const phase = await writer.phase(regional.id, 1, 'district', '2021-10-01', [2, 10]);
    const camp = await writer.camp(phase, tree.districts[2], COMPLETED, []);
    await writer.enroll(camp, members[0], E.COMPLETED);
    await writer.enroll(camp, members[8], E.NO_SHOW);

    const answer = await campaignProgress(regional.id, 'district');
    expect(answer.progress).toEqual({
      targetCamps: 2,
      campsPlanned: 1,
      campsHeld: 1,
      targetTrainees: 10,
      trainees: 1,
      percentCamps: 50,
      percentTrainees: 10,
    });
    expect(sortByUnit(answer.progressByUnit)).toEqual(
      sortByUnit([
        { unitId: tree.districts[2], unit: { id: tree.districts[2] }, campsPlanned: 1, campsHeld: 1, trainees: 1 },
        { unitId: tree.districts[3], unit: { id: tree.districts[3] }, campsPlanned: 0, campsHeld: 0, trainees: 0 },
      ]),
    );
    expect(answer.phases[0].progressByUnit.map((row) => row.unitId).sort()).toEqual([tree.districts[2], tree.districts[3]].sort());
  });

  it('loads the progress of a whole list of campaigns, phases, camps or units in one statement each', async () => {
    const tree = await createPartyFixture(service.membership, 'C');
    const first = await fillCampaign(tree);
    const second = await fillCampaign(tree);
    service.queryLog.clear();
    const { trainingCampaigns } = await service.data<{
      trainingCampaigns: { items: { id: string; progress: Progress; phases: { progress: Progress }[] }[] };
    }>(
      `query ($o: ID!) { trainingCampaigns(filter: { organizationId: $o }) { items { id progress { ${PROGRESS} } phases { progress { ${PROGRESS} } } } } }`,
      { o: tree.organizationId },
    );
    expect(trainingCampaigns.items).toHaveLength(2);
    for (const item of trainingCampaigns.items) {
      expect(item.progress).toMatchObject({ campsPlanned: 6, campsHeld: 5, trainees: 8 });
      expect(item.phases.map((phase) => phase.progress.trainees)).toEqual([5, 5]);
    }
    const progressStatements = () => service.queryLog.queries.filter((query) => query.includes('count(DISTINCT e.member_id)'));
    expect(progressStatements().filter((query) => query.includes('FROM training_campaign t WHERE'))).toHaveLength(1);
    expect(progressStatements().filter((query) => query.includes('FROM campaign_phase p'))).toHaveLength(1);
    expect(progressStatements()).toHaveLength(2);

    service.queryLog.clear();
    const { camps } = await service.data<{ camps: { items: { progress: Progress }[] } }>(
      `query ($o: ID!) { camps(filter: { organizationId: $o }, page: { limit: 50 }) { items { progress { trainees } } } }`,
      { o: tree.organizationId },
    );
    expect(camps.items).toHaveLength(14);
    expect(progressStatements()).toHaveLength(1);

    service.queryLog.clear();
    const units = [tree.state, ...tree.regions, ...tree.districts, ...tree.mandals];
    const { _entities } = await service.data<{ _entities: { trainingProgress: Progress }[] }>(
      `query ($r: [_Any!]!, $a: ID!, $b: ID!) { _entities(representations: $r) { ... on OrgUnit {
        trainingProgress(campaignId: $a) { trainees } other: trainingProgress(campaignId: $b) { trainees } } } }`,
      { r: units.map((id) => ({ __typename: 'OrgUnit', id })), a: first.campaign.id, b: second.campaign.id },
    );
    expect(_entities).toHaveLength(units.length);
    expect(_entities[0].trainingProgress.trainees).toBe(8);
    expect(progressStatements()).toHaveLength(1);
  });

  it('follows a unit moved in membership: the roll-up counts its camps under the new parent', async () => {
    const tree = await createPartyFixture(service.membership, 'D');
    const { writer, campaign, members } = await fillCampaign(tree);
    // A campaign of region 0 with camps at mandals 0 and 1.
    const regional = await writer.campaign(tree.regions[0], 2, 4);
    const phase = await writer.phase(regional.id, 1, 'mandal', '2021-10-01', [2, 4]);
    const m0 = await writer.camp(phase, tree.mandals[0], COMPLETED, []);
    const m1 = await writer.camp(phase, tree.mandals[1], COMPLETED, []);
    await writer.enroll(m0, members[0], E.COMPLETED);
    await writer.enroll(m1, members[1], E.COMPLETED);
    const stateWide = (await campaignProgress(campaign.id, 'district')).progress;

    // Mandal 0 (camps e and f, and the regional campaign's first camp) moves from district 0 (region 0) to district 3 (region 1).
    await service.membership.data(`mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`, {
      id: tree.mandals[0],
      p: tree.districts[3],
    });
    expect(await service.followUnitChanges()).toBeGreaterThanOrEqual(1);
    const parents = parentsOf(tree);
    parents.set(tree.mandals[0], tree.districts[3]);
    const ofStateCampaign = writer.camps.filter((camp) => camp.campaignId === campaign.id);

    const byDistrict = await campaignProgress(campaign.id, 'district');
    expect(byDistrict.progress).toEqual(stateWide);
    expect(sortByUnit(byDistrict.progressByUnit)).toEqual(
      sortByUnit(
        tree.districts.map((unitId) => ({
          unitId,
          unit: { id: unitId },
          ...expectedCounts(ofStateCampaign, writer.enrollments, (camp) => within(parents, camp.unitId, unitId)),
        })),
      ),
    );
    // District 0 keeps camp a only; district 3 gains e and f next to g (d is cancelled).
    expect(byDistrict.progressByUnit.find((row) => row.unitId === tree.districts[0])).toMatchObject({
      campsPlanned: 1,
      campsHeld: 1,
      trainees: 3,
    });
    expect(byDistrict.progressByUnit.find((row) => row.unitId === tree.districts[3])).toMatchObject({
      campsPlanned: 3,
      campsHeld: 2,
      trainees: 5,
    });
    const byRegion = await campaignProgress(campaign.id, 'region');
    expect(sortByUnit(byRegion.progressByUnit)).toEqual(
      sortByUnit(
        tree.regions.map((unitId) => ({
          unitId,
          unit: { id: unitId },
          ...expectedCounts(ofStateCampaign, writer.enrollments, (camp) => within(parents, camp.unitId, unitId)),
        })),
      ),
    );

    // The region-0 campaign no longer counts the camp that moved out of its owner unit.
    const regionalAnswer = await campaignProgress(regional.id, 'mandal');
    expect(regionalAnswer.progress).toMatchObject({ campsPlanned: 1, campsHeld: 1, trainees: 1, percentCamps: 50, percentTrainees: 25 });
    expect(regionalAnswer.progressByUnit).toEqual([
      { unitId: tree.mandals[1], unit: { id: tree.mandals[1] }, campsPlanned: 1, campsHeld: 1, trainees: 1 },
    ]);
    const [row] = await service.dataSource.query('SELECT unit_path FROM camp WHERE id = $1', [m0.id]);
    expect(row.unit_path).toEqual([tree.state, tree.regions[1], tree.districts[3], tree.mandals[0]]);
  });
});
