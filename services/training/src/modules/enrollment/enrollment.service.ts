import {
  badUserInput,
  checkNotInFuture,
  FieldErrors,
  type FieldMessages,
  isUuid,
  noSuchRecord,
  notFound,
  today,
  type ScopeSql,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import { In, Not, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { TrainingDeps } from '../../context';
import { parentRecordScope, TrainingRecordService } from '../../training-records';
import { Camp, CampStatus } from '../camp/camp.entity';
import { lockCamps, takenPlaces } from '../camp/camp.service';
import { Enrollment, EnrollmentStatus } from './enrollment.entity';
import type { EnrollmentFilter, EnrollmentInput, EnrollmentUpdateInput } from './enrollment.types';

/** A camp of 300 is registered in one call; this leaves room for the largest camps. */
export const MAX_ENROLLMENTS_PER_CALL = 5000;

const { REGISTERED, ATTENDED, COMPLETED, NO_SHOW, CANCELLED } = EnrollmentStatus;

/** Where each status may go next (besides staying put). */
export const STATUS_TRANSITIONS: Record<EnrollmentStatus, EnrollmentStatus[]> = {
  [REGISTERED]: [ATTENDED, COMPLETED, NO_SHOW, CANCELLED],
  [ATTENDED]: [COMPLETED, NO_SHOW, REGISTERED],
  [COMPLETED]: [ATTENDED],
  [NO_SHOW]: [REGISTERED, ATTENDED, COMPLETED],
  [CANCELLED]: [REGISTERED],
};

/** Statuses that say what happened at the camp, so they are recorded only once it has started. */
const RECORDED_AT_CAMP = [ATTENDED, COMPLETED, NO_SHOW];
/** Statuses in which topics were attended. */
const ATTENDING = [ATTENDED, COMPLETED];

interface StatusChange {
  status?: EnrollmentStatus | null;
  topicsAttended?: string[] | null;
  completedOn?: string | null;
}

type Recorded = Pick<Enrollment, 'status' | 'topicsAttended' | 'completedOn'>;

/**
 * The values an enrolment will hold after a change, checking the status transition and the fields that
 * go with the status. `key` maps a field to the error key to report it under (a bulk change reports
 * every problem of a row at "ids.<index>").
 */
function applyChange(
  errors: FieldErrors,
  camp: Camp,
  before: Recorded | null,
  change: StatusChange,
  key: (field: string) => string = (field) => field,
): Recorded {
  const status = change.status ?? before?.status ?? REGISTERED;
  const moved = status !== before?.status;
  if (!before && status === CANCELLED) errors.add(key('status'), 'a new enrolment cannot be CANCELLED');
  if (before && moved && !STATUS_TRANSITIONS[before.status].includes(status)) {
    errors.add(key('status'), `cannot change from ${before.status} to ${status}`);
  }
  if (camp.status === CampStatus.CANCELLED && moved && status !== CANCELLED) errors.add(key('status'), 'the camp is cancelled');
  if (moved && RECORDED_AT_CAMP.includes(status) && camp.startsOn > today()) {
    errors.add(key('status'), `the camp starts on ${camp.startsOn}; attendance is recorded from then`);
  }

  const attending = ATTENDING.includes(status);
  let topicsAttended = attending ? (before?.topicsAttended ?? []) : [];
  if (change.topicsAttended) {
    if (!attending && change.topicsAttended.length) {
      errors.add(key('topicsAttended'), 'only for an ATTENDED or COMPLETED enrolment');
    } else {
      change.topicsAttended.forEach((topicId, index) => {
        if (!camp.topicIds.includes(topicId)) errors.add(key(`topicsAttended.${index}`), 'is not a topic of this camp');
      });
      topicsAttended = [...new Set(change.topicsAttended)];
    }
  }

  let completedOn: string | null = null;
  if (status === COMPLETED) {
    completedOn = change.completedOn !== undefined ? change.completedOn : (before?.completedOn ?? null);
    if (!completedOn) errors.add(key('completedOn'), 'required when the status is COMPLETED');
    else {
      checkNotInFuture(errors, key('completedOn'), completedOn);
      if (completedOn < camp.startsOn) errors.add(key('completedOn'), `must not be before the camp starts (${camp.startsOn})`);
    }
  } else if (change.completedOn) {
    errors.add(key('completedOn'), 'only for a COMPLETED enrolment');
  }
  return { status, topicsAttended, completedOn };
}

/** Whether a change takes a place in the camp that the enrolment did not hold before. */
const takesPlace = (before: EnrollmentStatus | null, after: EnrollmentStatus) =>
  after !== CANCELLED && (before === null || before === CANCELLED);

export class EnrollmentService extends TrainingRecordService<Enrollment, EnrollmentFilter> {
  /** In the order members were enrolled. */
  protected readonly defaultSort = 'createdAt';

  /** Each member's live enrolments in camps the caller may see, newest first, for many members in one query; none for a member outside the scope. */
  readonly byMember = new DataLoader<string, Enrollment[]>(async (memberIds) => {
    const valid = await this.visibleMembers(memberIds);
    const rows = valid.length
      ? await this.scopedQuery('e')
          .andWhere('e.memberId IN (:...memberIds)', { memberIds: valid })
          .orderBy('e.createdAt', 'DESC')
          .addOrderBy('e.id', 'DESC')
          .getMany()
      : [];
    return memberIds.map((id) => rows.filter((row) => row.memberId === id));
  });

  /** How many distinct camps the caller may see each member completed, for many members in one query; 0 for a member outside the scope. */
  readonly completedCounts = new DataLoader<string, number>(async (memberIds) => {
    const valid = await this.visibleMembers(memberIds);
    const rows: { memberId: string; count: number }[] = valid.length
      ? await this.scopedQuery('e')
          .select('e.memberId', 'memberId')
          .addSelect('count(DISTINCT e.campId)::int', 'count')
          .andWhere('e.memberId IN (:...memberIds)', { memberIds: valid })
          .andWhere('e.status = :completed', { completed: COMPLETED })
          .groupBy('e.memberId')
          .getRawMany()
      : [];
    return memberIds.map((id) => rows.find((row) => row.memberId === id)?.count ?? 0);
  });

  constructor(deps: TrainingDeps) {
    super(deps, Enrollment, 'Enrollment');
  }

  protected scopeSql(alias: string): ScopeSql {
    return parentRecordScope('camp', `${alias}.camp_id`);
  }

  /** The distinct valid ids of members the caller may see (Member's training fields are empty for the others). */
  private async visibleMembers(memberIds: readonly string[]): Promise<string[]> {
    return [...(await this.services.membership.visibleMemberIds([...new Set(memberIds.filter(isUuid))]))];
  }

  query(filter: EnrollmentFilter = {}): SelectQueryBuilder<Enrollment> {
    const query = this.createQuery('e', filter, ['campId', 'memberId', 'campaignId', 'phaseId', 'withinUnit', 'topicAttended']);
    if (filter.campId) query.andWhere('e.campId = :campId', { campId: filter.campId });
    if (filter.memberId) query.andWhere('e.memberId = :memberId', { memberId: filter.memberId });
    if (filter.statuses?.length) query.andWhere('e.status IN (:...statuses)', { statuses: filter.statuses });
    if (filter.topicAttended) query.andWhere('e.topicsAttended @> ARRAY[:topicAttended]::uuid[]', { topicAttended: filter.topicAttended });
    // Campaign, phase and subtree come from the camp (its unit path is GIN-indexed).
    const campConditions: string[] = [];
    if (filter.campaignId) campConditions.push('c.campaign_id = :campaignId');
    if (filter.phaseId) campConditions.push('c.phase_id = :phaseId');
    if (filter.withinUnit) campConditions.push('c.unit_path @> ARRAY[:withinUnit]::uuid[]');
    if (campConditions.length) {
      query.andWhere(`e.campId IN (SELECT c.id FROM camp c WHERE ${campConditions.join(' AND ')})`, {
        campaignId: filter.campaignId,
        phaseId: filter.phaseId,
        withinUnit: filter.withinUnit,
      });
    }
    return query;
  }

  async create(input: EnrollmentInput): Promise<Enrollment> {
    const errors = new FieldErrors();
    const camp = await this.services.camps.requireReference(input.campId, 'campId');
    if (camp.status === CampStatus.CANCELLED) errors.add('campId', 'the camp is cancelled');
    // The organisation of a camp never changes, so the member is checked before the camp is locked.
    await this.services.membership.requireMember(errors, 'memberId', input.memberId, camp.organizationId);
    if (errors.has('campId')) errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lockLiveCamp(manager, camp.id, 'campId');
      const values = applyChange(errors, locked, null, input);
      if (!errors.has('memberId')) {
        const existing = await manager.findOne(Enrollment, { where: { campId: locked.id, memberId: input.memberId } });
        if (existing) errors.add('memberId', this.alreadyEnrolled(existing));
      }
      const taken = (await takenPlaces(manager, [locked.id])).get(locked.id)!;
      if (taken >= locked.capacity) errors.add('campId', `the camp is full (capacity ${locked.capacity})`);
      errors.throwIfAny();
      return manager.save(manager.create(Enrollment, { campId: locked.id, memberId: input.memberId, ...values }));
    });
  }

  async updateRecord(id: string, input: EnrollmentUpdateInput, expectedVersion?: number): Promise<Enrollment> {
    return this.dataSource.transaction(async (manager) => {
      // The camp is locked before the enrolment, in the same order as every other write here.
      const [current] = isUuid(id) ? await this.findVisible(manager, [id]) : [];
      if (!current) throw notFound(this.typeName, id);
      const camp = (await lockCamps(manager, [current.campId])).get(current.campId)!;
      const enrollment = await this.lockForUpdate(manager, id, expectedVersion);
      const errors = new FieldErrors();
      const values = applyChange(errors, camp, enrollment, input);
      if (takesPlace(enrollment.status, values.status)) {
        if (camp.deletedAt) errors.add('status', 'the camp was deleted');
        const taken = (await takenPlaces(manager, [camp.id])).get(camp.id)!;
        if (taken >= camp.capacity) errors.add('status', `the camp is full (capacity ${camp.capacity})`);
      }
      errors.throwIfAny();
      Object.assign(enrollment, values);
      return manager.save(enrollment);
    });
  }

  /**
   * Enrols many members of the camp's organisation at once: all or none. Every member is looked up in
   * membership in one batched request; each bad row is reported at "memberIds.<index>" (unknown, of
   * another organisation, already enrolled, listed twice, over capacity). One INSERT writes them all.
   */
  async enrollMembers(campId: string, memberIds: string[]): Promise<Enrollment[]> {
    if (memberIds.length > MAX_ENROLLMENTS_PER_CALL) throw badUserInput({ memberIds: `at most ${MAX_ENROLLMENTS_PER_CALL} at once` });
    const camp = await this.services.camps.requireReference(campId, 'campId');
    const errors = new FieldErrors();
    const members = await this.checkMembers(errors, 'memberIds', memberIds, camp.organizationId);
    if (camp.status === CampStatus.CANCELLED) errors.add('campId', 'the camp is cancelled');
    const firstIndex = new Map<string, number>();
    const candidates: { index: number; memberId: string }[] = [];
    memberIds.forEach((memberId, index) => {
      if (!members[index]) return; // reported by checkMembers
      if (firstIndex.has(memberId)) errors.add(`memberIds.${index}`, `listed twice (also at memberIds.${firstIndex.get(memberId)})`);
      else {
        firstIndex.set(memberId, index);
        candidates.push({ index, memberId });
      }
    });

    if (errors.has('campId')) errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      const locked = await this.lockLiveCamp(manager, camp.id, 'campId');
      const existing: Enrollment[] = candidates.length
        ? await manager.find(Enrollment, { where: { campId: locked.id, memberId: In(candidates.map((row) => row.memberId)) } })
        : [];
      const existingByMember = new Map(existing.map((enrollment) => [enrollment.memberId, enrollment]));
      const taken = (await takenPlaces(manager, [locked.id])).get(locked.id)!;
      const free = Math.max(locked.capacity - taken, 0);
      const accepted: string[] = [];
      for (const { index, memberId } of candidates) {
        const enrolled = existingByMember.get(memberId);
        if (enrolled) errors.add(`memberIds.${index}`, this.alreadyEnrolled(enrolled));
        else if (accepted.length >= free) {
          errors.add(`memberIds.${index}`, `over capacity: the camp has ${locked.capacity} places and ${free} were free`);
        } else accepted.push(memberId);
      }
      errors.throwIfAny();
      if (!accepted.length) return [];
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO enrollment (camp_id, member_id, status) SELECT $1, member_id, $3 FROM unnest($2::uuid[]) AS member_id RETURNING id`,
        [locked.id, accepted, REGISTERED],
      );
      const rows = await manager.find(Enrollment, { where: { id: In(inserted.map((row) => row.id)) } });
      const byMember = new Map(rows.map((row) => [row.memberId, row]));
      return accepted.map((memberId) => byMember.get(memberId)!);
    });
  }

  /**
   * Sets the status of many enrolments (attendance for a whole camp, say): all or none, each bad row
   * reported at "ids.<index>". Moving to COMPLETED needs `completedOn`.
   */
  async setStatuses(ids: string[], status: EnrollmentStatus, completedOn?: string | null): Promise<Enrollment[]> {
    if (ids.length > MAX_ENROLLMENTS_PER_CALL) throw badUserInput({ ids: `at most ${MAX_ENROLLMENTS_PER_CALL} at once` });
    const errors = new FieldErrors();
    if (status === COMPLETED) {
      if (!completedOn) errors.add('completedOn', 'required when the status is COMPLETED');
      else checkNotInFuture(errors, 'completedOn', completedOn);
    } else if (completedOn) errors.add('completedOn', 'only for a COMPLETED enrolment');
    ids.forEach((id, index) => errors.check(isUuid(id), `ids.${index}`, `"${id}" is not a valid id`));
    errors.throwIfAny();
    if (!ids.length) return [];

    return this.dataSource.transaction(async (manager) => {
      const unique = [...new Set(ids)];
      // Enrolments outside the caller's scope are not found, like unknown ones.
      const unlocked = await this.findVisible(manager, unique);
      const camps = await lockCamps(
        manager,
        unlocked.map((enrollment) => enrollment.campId),
      );
      const rows = await this.findVisible(manager, unique, { lock: true });
      const byId = new Map(rows.map((row) => [row.id, row]));
      const taken = await takenPlaces(manager, [...camps.keys()]);
      const changed: { enrollment: Enrollment; values: Recorded }[] = [];
      for (const [index, id] of ids.entries()) {
        const field = `ids.${index}`;
        const enrollment = byId.get(id);
        if (!enrollment) {
          errors.add(field, noSuchRecord(this.typeName, id));
          continue;
        }
        if (ids.indexOf(id) !== index) {
          errors.add(field, `listed twice (also at ids.${ids.indexOf(id)})`);
          continue;
        }
        const camp = camps.get(enrollment.campId)!;
        const values = applyChange(errors, camp, enrollment, { status, completedOn }, () => field);
        if (takesPlace(enrollment.status, values.status)) {
          const used = taken.get(camp.id) ?? 0;
          if (camp.deletedAt) errors.add(field, 'the camp was deleted');
          else if (used >= camp.capacity) errors.add(field, `the camp is full (capacity ${camp.capacity})`);
          taken.set(camp.id, used + 1);
        }
        if (values.status !== enrollment.status || values.completedOn !== enrollment.completedOn) changed.push({ enrollment, values });
      }
      errors.throwIfAny();
      if (changed.length) {
        // Every changed row gets the same status and completion date; topics stay only while attending.
        await manager.query(
          `UPDATE enrollment
              SET status = $2, completed_on = $3,
                  topics_attended = CASE WHEN $4 THEN topics_attended ELSE '{}'::uuid[] END,
                  version = version + 1, updated_at = now()
            WHERE id = ANY($1::uuid[])`,
          [changed.map((row) => row.enrollment.id), status, changed[0].values.completedOn, ATTENDING.includes(status)],
        );
      }
      const updated = await manager.find(Enrollment, { where: { id: In(unique) } });
      const updatedById = new Map(updated.map((row) => [row.id, row]));
      return unique.map((id) => updatedById.get(id)!);
    });
  }

  /** A restored enrolment takes its place again: the camp must be live, with a place, and the member not enrolled anew. */
  protected override async restoreBlockers(enrollment: Enrollment, manager: EntityManager): Promise<FieldMessages> {
    const camp = (await lockCamps(manager, [enrollment.campId])).get(enrollment.campId);
    if (!camp || camp.deletedAt) return { campId: 'the camp was deleted' };
    const blockers: FieldMessages = {};
    const again = await manager.findOne(Enrollment, {
      where: { campId: enrollment.campId, memberId: enrollment.memberId, id: Not(enrollment.id) },
    });
    if (again) blockers.memberId = 'the member was enrolled in this camp again since';
    if (enrollment.status !== CANCELLED) {
      if (camp.status === CampStatus.CANCELLED) blockers.campId = 'the camp is cancelled';
      else if ((await takenPlaces(manager, [camp.id])).get(camp.id)! >= camp.capacity) {
        blockers.campId = `the camp is full (capacity ${camp.capacity})`;
      }
    }
    return blockers;
  }

  /** The camp, locked for the rest of the transaction; BAD_USER_INPUT on `field` when it is gone or cancelled. */
  private async lockLiveCamp(manager: EntityManager, campId: string, field: string): Promise<Camp> {
    const camp = (await lockCamps(manager, [campId])).get(campId);
    if (!camp || camp.deletedAt) throw badUserInput({ [field]: noSuchRecord('Camp', campId) });
    if (camp.status === CampStatus.CANCELLED) throw badUserInput({ [field]: 'the camp is cancelled' });
    return camp;
  }

  private alreadyEnrolled(enrollment: Enrollment): string {
    return enrollment.status === CANCELLED
      ? 'has a cancelled enrolment in this camp; set its status back to REGISTERED instead'
      : 'is already enrolled in this camp';
  }
}
