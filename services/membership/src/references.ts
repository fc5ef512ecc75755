import { FieldErrors, isUuid } from '@sangathan/common';
import type { EntityManager } from 'typeorm';
import { Member } from './modules/member/member.entity';
import { OrgUnit } from './modules/org-unit/org-unit.entity';

/**
 * Checks that a record's member and unit exist, are live, and belong to the same organisation;
 * errors are added to the named fields.
 */
export async function checkMemberAndUnit(
  manager: EntityManager,
  errors: FieldErrors,
  refs: { memberId?: string; memberField: string; unitId?: string },
): Promise<{ member: Member | null; unit: OrgUnit | null }> {
  const member = refs.memberId !== undefined && isUuid(refs.memberId) ? await manager.findOne(Member, { where: { id: refs.memberId } }) : null;
  if (refs.memberId !== undefined && !member) errors.add(refs.memberField, `no Member with id ${refs.memberId}`);
  const unit = refs.unitId !== undefined && isUuid(refs.unitId) ? await manager.findOne(OrgUnit, { where: { id: refs.unitId } }) : null;
  if (refs.unitId !== undefined && !unit) errors.add('unitId', `no OrgUnit with id ${refs.unitId}`);
  return { member, unit };
}

export function checkSameOrganization(errors: FieldErrors, member: Member | null, unit: OrgUnit | null): void {
  if (member && unit && member.organizationId !== unit.organizationId) {
    errors.add('unitId', 'belongs to another organisation than the member');
  }
}
