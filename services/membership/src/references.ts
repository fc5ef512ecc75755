import { checkDateRange, escapeLike, FieldErrors, isUuid, searchKeyCondition, today } from '@sangathan/common';
import type { EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { Member } from './modules/member/member.entity';
import { OrgUnit } from './modules/org-unit/org-unit.entity';

/**
 * The member and unit a record names: both must exist, be live, and belong to the same organisation.
 * Problems are added to the named fields.
 */
export async function checkMemberAndUnit(
  manager: EntityManager,
  errors: FieldErrors,
  refs: { memberId: string; memberField: string; unitId: string },
): Promise<{ member: Member | null; unit: OrgUnit | null }> {
  const member = isUuid(refs.memberId) ? await manager.findOne(Member, { where: { id: refs.memberId } }) : null;
  if (!member) errors.add(refs.memberField, `no Member with id ${refs.memberId}`);
  const unit = isUuid(refs.unitId) ? await manager.findOne(OrgUnit, { where: { id: refs.unitId } }) : null;
  if (!unit) errors.add('unitId', `no OrgUnit with id ${refs.unitId}`);
  if (member && unit && member.organizationId !== unit.organizationId) {
    errors.add('unitId', 'belongs to another organisation than the member');
  }
  return { member, unit };
}

/** On update: the new unit, when the input names one, checked against the record's member. */
export async function checkNewUnit(
  manager: EntityManager,
  errors: FieldErrors,
  refs: { memberId: string; memberField: string; unitId: string | undefined | null },
): Promise<OrgUnit | null> {
  if (refs.unitId === undefined || refs.unitId === null) return null;
  const { unit } = await checkMemberAndUnit(manager, errors, { ...refs, unitId: refs.unitId });
  return unit;
}

export interface Period {
  startsOn: string;
  endsOn: string | null;
}

/** The period once the input is applied (start defaults to today; an empty end clears it), checked for order. */
export function periodAfter(errors: FieldErrors, input: { startsOn?: string; endsOn?: string }, current?: Period): Period {
  const startsOn = input.startsOn ?? current?.startsOn ?? today();
  const endsOn = input.endsOn !== undefined ? input.endsOn || null : (current?.endsOn ?? null);
  checkDateRange(errors, startsOn, endsOn);
  return { startsOn, endsOn };
}

/** Filters periods in force today (active) or not (ended or not yet started). */
export function whereActive(query: SelectQueryBuilder<ObjectLiteral>, active: boolean | undefined | null): void {
  if (active === undefined || active === null) return;
  const alias = query.alias;
  const inForce = `(${alias}.startsOn <= :activeDay AND (${alias}.endsOn IS NULL OR ${alias}.endsOn >= :activeDay))`;
  query.andWhere(active ? inForce : `NOT ${inForce}`, { activeDay: today() });
}

/**
 * The `q` filter of a record held by a member: matches the record's own text, or its member's name in
 * either script (the member's search key).
 */
export function whereTextOrMemberName(query: SelectQueryBuilder<ObjectLiteral>, q: string | undefined, ownText: string): void {
  const text = q?.trim();
  if (!text) return;
  const name = searchKeyCondition('search_key', text);
  query.andWhere(`(${ownText} OR ${query.alias}.member_id IN (SELECT id FROM member WHERE ${name?.sql ?? 'FALSE'}))`, {
    ...name?.parameters,
    qText: `%${escapeLike(text)}%`,
  });
}
