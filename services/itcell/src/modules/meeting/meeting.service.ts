import {
  badUserInput,
  cleanText,
  escapeLike,
  FieldErrors,
  isUuid,
  type Page,
  type PageInput,
  paginate,
  searchKey,
  searchKeyCondition,
  SortDirection,
  unitColumns,
  whereUnitRecord,
  type ScopeSql,
  pathWithinScope,
} from '@sangathan/common';
import { memberRef, type MemberRef } from '../federation/references';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { ItcellDeps } from '../../context';
import { ItcellRecordService } from '../../itcell-record-service';
import { Meeting, MeetingAttendee, type MeetingSession } from './meeting.entity';
import type { MeetingFilter, MeetingInput, MeetingSessionInput, MeetingSort, MeetingUpdateInput } from './meeting.types';

const MAX_TITLE_LENGTH = 300;
const MAX_SESSIONS = 100;
const MAX_SPEAKERS_PER_SESSION = 50;
/** A state conference of every mandal convenor is ~1,500 people; this leaves room for much more. */
export const MAX_ATTENDEES_PER_CALL = 10000;

const given = (value: string | null | undefined): value is string => value !== undefined && value !== null && value.trim() !== '';

type AttendeeChange = 'set' | 'add' | 'remove';

export class MeetingService extends ItcellRecordService<Meeting, MeetingFilter> {
  protected readonly defaultSort = 'startsAt';

  constructor(deps: ItcellDeps) {
    super(deps, Meeting, 'Meeting');
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: pathWithinScope(`${alias}.unit_path`), organization: `${alias}.organization_id` };
  }

  query(filter: MeetingFilter = {}): SelectQueryBuilder<Meeting> {
    const query = this.createQuery('m', filter, ['chairId', 'attendeeId', 'speakerId']);
    whereUnitRecord(query, filter);
    const q = filter.q?.trim();
    if (q) {
      const key = searchKeyCondition('m.searchKey', q);
      query.andWhere(`((${key?.sql ?? 'FALSE'}) OR m.title ILIKE :qText OR m.venue ILIKE :qText OR m.minutes ILIKE :qText)`, {
        ...key?.parameters,
        qText: `%${escapeLike(q)}%`,
      });
    }
    if (filter.kinds?.length) query.andWhere('m.kind IN (:...kinds)', { kinds: filter.kinds });
    if (filter.from) query.andWhere('m.startsAt >= :from', { from: filter.from });
    if (filter.to) query.andWhere('m.startsAt < :to', { to: filter.to });
    if (filter.chairId) query.andWhere('m.chairId = :chairId', { chairId: filter.chairId });
    if (filter.attendeeId) {
      query.andWhere('EXISTS (SELECT 1 FROM meeting_attendee ma WHERE ma.meeting_id = m.id AND ma.member_id = :attendeeId)', {
        attendeeId: filter.attendeeId,
      });
    }
    if (filter.speakerId) {
      // Served by the jsonb_path_ops index on sessions.
      query.andWhere('m.sessions @> CAST(:speakerSessions AS jsonb)', {
        speakerSessions: JSON.stringify([{ speakerIds: [filter.speakerId] }]),
      });
    }
    return query;
  }

  /** Newest first unless a sort is given. */
  override list(filter: MeetingFilter = {}, sort: MeetingSort[] = [], page?: PageInput) {
    return super.list(filter, sort.length ? sort : [{ field: this.defaultSort, direction: SortDirection.DESC }], page);
  }

  async create(input: MeetingInput): Promise<Meeting> {
    const errors = new FieldErrors();
    const unit = await this.membership.requireUnit(errors, 'unitId', input.unitId);
    const attendeeIds = input.attendeeIds ?? [];
    if (attendeeIds.length > MAX_ATTENDEES_PER_CALL) errors.add('attendeeIds', `at most ${MAX_ATTENDEES_PER_CALL} at once`);
    const values = await this.validate(errors, input, unit?.organizationId, null, errors.has('attendeeIds') ? [] : attendeeIds);
    errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      const meeting = await manager.save(
        manager.create(Meeting, {
          ...unitColumns(unit!),
          venue: null,
          chairId: null,
          sessions: [],
          minutes: null,
          attendeeCount: 0,
          ...values,
        }),
      );
      if (!attendeeIds.length) return meeting;
      await this.writeAttendees(manager, meeting.id, 'set', attendeeIds);
      return manager.findOneOrFail(Meeting, { where: { id: meeting.id } });
    });
  }

  async updateRecord(id: string, input: MeetingUpdateInput, expectedVersion?: number): Promise<Meeting> {
    return this.update(id, expectedVersion, async (meeting) => {
      const errors = new FieldErrors();
      const unit = given(input.unitId) ? await this.membership.requireUnit(errors, 'unitId', input.unitId, meeting.organizationId) : null;
      const values = await this.validate(errors, input, meeting.organizationId, meeting);
      errors.throwIfAny();
      Object.assign(meeting, unit ? unitColumns(unit) : {}, values);
    });
  }

  /**
   * Checks every given field; returns the cleaned values. The chair, every speaker and every attendee
   * are looked up in membership together: one batched request however many there are. `existing` is
   * null on create.
   */
  private async validate(
    errors: FieldErrors,
    input: MeetingUpdateInput,
    organizationId: string | undefined,
    existing: Meeting | null,
    attendeeIds: string[] = [],
  ): Promise<Partial<Meeting>> {
    const values: Partial<Meeting> = {};
    const memberChecks: Promise<unknown>[] = [];
    const checkMember = (field: string, id: string) => memberChecks.push(this.membership.requireMember(errors, field, id, organizationId));

    if (input.kind !== undefined && input.kind !== null) values.kind = input.kind;
    if (!existing || input.title !== undefined) {
      const title = cleanText(errors, 'title', input.title, true);
      if (title && title.length > MAX_TITLE_LENGTH) errors.add('title', `must be at most ${MAX_TITLE_LENGTH} characters`);
      else if (title) values.title = title;
    }
    if (input.startsAt !== undefined && input.startsAt !== null) {
      if (!(input.startsAt instanceof Date) || Number.isNaN(input.startsAt.getTime())) errors.add('startsAt', 'must be a date and time');
      else values.startsAt = input.startsAt;
    } else if (!existing) errors.add('startsAt', 'must be given');
    if (input.venue !== undefined) values.venue = input.venue?.trim() || null;
    if (input.minutes !== undefined) values.minutes = input.minutes?.trim() || null;
    if (input.chairId !== undefined) {
      values.chairId = given(input.chairId) ? input.chairId.trim() : null;
      if (values.chairId) checkMember('chairId', values.chairId);
    }
    if (input.sessions !== undefined && input.sessions !== null) {
      values.sessions = this.cleanSessions(errors, input.sessions, checkMember);
    }
    attendeeIds.forEach((id, index) => checkMember(`attendeeIds.${index}`, id));
    await Promise.all(memberChecks);

    if (values.title !== undefined || values.venue !== undefined) {
      const title = values.title ?? existing?.title ?? '';
      const venue = values.venue !== undefined ? values.venue : (existing?.venue ?? null);
      values.searchKey = searchKey(`${title} ${venue ?? ''}`);
    }
    return values;
  }

  private cleanSessions(
    errors: FieldErrors,
    sessions: MeetingSessionInput[],
    checkMember: (field: string, id: string) => void,
  ): MeetingSession[] {
    if (sessions.length > MAX_SESSIONS) {
      errors.add('sessions', `at most ${MAX_SESSIONS} sessions`);
      return [];
    }
    return sessions.map((session, index) => {
      const title = cleanText(errors, `sessions.${index}.title`, session.title, true) ?? '';
      if (title.length > MAX_TITLE_LENGTH) errors.add(`sessions.${index}.title`, `must be at most ${MAX_TITLE_LENGTH} characters`);
      const speakerIds = session.speakerIds ?? [];
      if (speakerIds.length > MAX_SPEAKERS_PER_SESSION) {
        errors.add(`sessions.${index}.speakerIds`, `at most ${MAX_SPEAKERS_PER_SESSION} speakers`);
      } else {
        speakerIds.forEach((id, position) => checkMember(`sessions.${index}.speakerIds.${position}`, id));
      }
      return { title, speakerIds: [...new Set(speakerIds)] };
    });
  }

  /** Every id must be a live member of the organisation; each bad one is reported at its index ("memberIds.3"). One batched lookup. */
  private async checkMembers(errors: FieldErrors, field: string, ids: string[], organizationId: string | undefined): Promise<void> {
    await Promise.all(ids.map((id, index) => this.membership.requireMember(errors, `${field}.${index}`, id, organizationId)));
  }

  /** Replaces the attendance list with `memberIds` (all checked at once; nothing changes if any is bad). */
  setAttendees(id: string, memberIds: string[], expectedVersion?: number): Promise<Meeting> {
    return this.changeAttendees(id, 'set', memberIds, expectedVersion);
  }

  /** Adds members to the attendance list; those already on it stay as they are. */
  addAttendees(id: string, memberIds: string[], expectedVersion?: number): Promise<Meeting> {
    return this.changeAttendees(id, 'add', memberIds, expectedVersion);
  }

  /** Takes members off the attendance list; ids not on it are ignored. Members need not exist any more. */
  removeAttendees(id: string, memberIds: string[], expectedVersion?: number): Promise<Meeting> {
    return this.changeAttendees(id, 'remove', memberIds, expectedVersion);
  }

  private async changeAttendees(id: string, change: AttendeeChange, memberIds: string[], expectedVersion?: number): Promise<Meeting> {
    if (memberIds.length > MAX_ATTENDEES_PER_CALL) throw badUserInput({ memberIds: `at most ${MAX_ATTENDEES_PER_CALL} at once` });
    const errors = new FieldErrors();
    if (change === 'remove') {
      memberIds.forEach((memberId, index) => errors.check(isUuid(memberId), `memberIds.${index}`, `"${memberId}" is not a valid id`));
    } else {
      // The organisation never changes (a meeting moves only within it), so it can be read before the lock.
      const current = await this.get(id);
      if (current) await this.checkMembers(errors, 'memberIds', memberIds, current.organizationId);
    }
    errors.throwIfAny();
    return this.dataSource.transaction(async (manager) => {
      const meeting = await this.lockForUpdate(manager, id, expectedVersion);
      await this.writeAttendees(manager, meeting.id, change, memberIds);
      return manager.findOneOrFail(Meeting, { where: { id: meeting.id } });
    });
  }

  /**
   * Applies an attendance change and stores the new count on the meeting, bumping its version:
   * attendance is part of the meeting, so a client holding an older version gets a CONFLICT.
   */
  private async writeAttendees(manager: EntityManager, meetingId: string, change: AttendeeChange, memberIds: string[]): Promise<void> {
    const ids = [...new Set(memberIds)];
    if (change === 'set') {
      await manager.query(`DELETE FROM meeting_attendee WHERE meeting_id = $1 AND NOT (member_id = ANY($2::uuid[]))`, [meetingId, ids]);
    }
    if (change === 'remove') {
      await manager.query(`DELETE FROM meeting_attendee WHERE meeting_id = $1 AND member_id = ANY($2::uuid[])`, [meetingId, ids]);
    } else if (ids.length) {
      await manager.query(
        `INSERT INTO meeting_attendee (meeting_id, member_id)
         SELECT $1, member_id FROM unnest($2::uuid[]) AS member_id
         ON CONFLICT (meeting_id, member_id) DO NOTHING`,
        [meetingId, ids],
      );
    }
    await manager.query(
      `UPDATE meeting SET attendee_count = (SELECT count(*) FROM meeting_attendee WHERE meeting_id = $1),
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [meetingId],
    );
  }

  /** A page of the meeting's attendance list, as Member references for the gateway to join. */
  async attendees(meetingId: string, page?: PageInput): Promise<Page<MemberRef>> {
    const query = this.dataSource.getRepository(MeetingAttendee).createQueryBuilder('ma').where('ma.meetingId = :meetingId', { meetingId });
    const rows = await paginate(query, [{ property: 'createdAt', direction: SortDirection.ASC }], page);
    return {
      items: rows.items.map((row) => memberRef(row.memberId)),
      nextCursor: rows.nextCursor,
      get total() {
        return rows.total;
      },
    };
  }
}
