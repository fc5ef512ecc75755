import {
  checkDateRange,
  escapeLike,
  FieldErrors,
  type RecordFilter,
  RecordService,
  type ScopeSql,
  searchKeyCondition,
  today,
  type BaseRecord,
} from '@sangathan/common';
import type { EntityManager, EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps, MembershipServices } from './context';
import type { Member } from './modules/member/member.entity';
import type { OrgUnit } from './modules/org-unit/org-unit.entity';
import { unitInScope, unitWithin } from './modules/org-unit/org-unit.service';

// What the records a member holds in a unit share: positions (memberId), cadre assignments and field visits (cadreId).

export interface MemberUnitFilter extends RecordFilter {
  unitId?: string;
  withinUnit?: string;
}

/** The holder's property and column: `memberId`/`member_id` on positions, `cadreId`/`cadre_id` on assignments and visits. */
type Holder = 'memberId' | 'cadreId';

export abstract class MemberUnitRecordService<
  T extends BaseRecord & { unitId: string } & { [K in H]: string },
  F extends MemberUnitFilter & { [K in H]?: string },
  H extends Holder,
> extends RecordService<T, F> {
  protected readonly services: MembershipServices;

  protected constructor(
    deps: MembershipDeps,
    entity: EntityTarget<T>,
    typeName: string,
    private readonly holder: H,
  ) {
    super(deps, entity, typeName);
    this.services = deps.services;
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: unitInScope(`${alias}.unit_id`) };
  }

  /** The filters every such record has: ids, holder, unit, subtree, and `q` on `ownText` or the holder's name. */
  protected memberUnitQuery(alias: string, filter: F, ownText: string): SelectQueryBuilder<T> {
    const query = this.createQuery(alias, filter, [this.holder, 'unitId', 'withinUnit'] as (keyof F & string)[]);
    whereTextOrMemberName(query, filter.q, ownText, this.holder === 'memberId' ? 'member_id' : 'cadre_id');
    const holderId = filter[this.holder];
    if (holderId) query.andWhere(`${alias}.${this.holder} = :holderId`, { holderId });
    if (filter.unitId) query.andWhere(`${alias}.unitId = :unitId`, { unitId: filter.unitId });
    if (filter.withinUnit) query.andWhere(unitWithin(`${alias}.unit_id`, 'withinUnit'), { withinUnit: filter.withinUnit });
    return query;
  }

  /**
   * The member and unit a record names: both must exist, be live, and belong to the same organisation.
   * Problems are added to the holder's field and `unitId`.
   */
  protected async checkMemberAndUnit(
    manager: EntityManager,
    errors: FieldErrors,
    memberId: string,
    unitId: string,
  ): Promise<{ member: Member | null; unit: OrgUnit | null }> {
    const member = await this.services.members.findReference(errors, this.holder, memberId, { manager });
    const unit = await this.services.orgUnits.findReference(errors, 'unitId', unitId, { manager });
    if (member && unit && member.organizationId !== unit.organizationId) {
      errors.add('unitId', 'belongs to another organisation than the member');
    }
    return { member, unit };
  }

  /** On update: the new unit, when the input names one, checked against the record's member. */
  protected async checkNewUnit(
    manager: EntityManager,
    errors: FieldErrors,
    record: T,
    unitId: string | undefined | null,
  ): Promise<OrgUnit | null> {
    if (unitId === undefined || unitId === null) return null;
    const { unit } = await this.checkMemberAndUnit(manager, errors, record[this.holder], unitId);
    return unit;
  }
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
function whereTextOrMemberName(
  query: SelectQueryBuilder<ObjectLiteral>,
  q: string | undefined,
  ownText: string,
  memberColumn: string,
): void {
  const text = q?.trim();
  if (!text) return;
  const name = searchKeyCondition('search_key', text);
  query.andWhere(`(${ownText} OR ${query.alias}.${memberColumn} IN (SELECT id FROM member WHERE ${name?.sql ?? 'FALSE'}))`, {
    ...name?.parameters,
    qText: `%${escapeLike(text)}%`,
  });
}
