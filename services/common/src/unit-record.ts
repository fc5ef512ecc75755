import { Field, ID, ObjectType } from 'type-graphql';
import { Column, type ObjectLiteral, type SelectQueryBuilder } from 'typeorm';
import { BaseRecord } from './base-entity';
import type { UnitInfo } from './membership-client';
import { requireUuidFields, requireUuids } from './record-service';

/**
 * A record that belongs to a unit owned by membership. It keeps copies of the unit's organisation,
 * ancestry (root first, the unit included) and level, taken from membership when written and kept
 * current by UnitCopyFollower, so subtree filters and roll-ups are one indexed query here.
 */
@ObjectType()
export abstract class UnitRecord extends BaseRecord {
  @Field(() => ID)
  @Column({ name: 'organization_id', type: 'uuid' })
  organizationId!: string;

  @Field(() => ID)
  @Column({ name: 'unit_id', type: 'uuid' })
  unitId!: string;

  @Column({ name: 'unit_path', type: 'uuid', array: true })
  unitPath!: string[];

  @Column({ name: 'unit_level' })
  unitLevel!: string;
}

/** The unit columns of a UnitRecord, from membership's answer. */
export function unitColumns(unit: UnitInfo): Pick<UnitRecord, 'organizationId' | 'unitId' | 'unitPath' | 'unitLevel'> {
  return { organizationId: unit.organizationId, unitId: unit.id, unitPath: unit.path, unitLevel: unit.level };
}

/** The `withinUnit` filter: the unit and everything below it, through the GIN-indexed path copy. */
export function whereWithinUnit(
  query: SelectQueryBuilder<ObjectLiteral>,
  unitId: string | undefined | null,
  pathProperty = 'unitPath',
): void {
  if (!unitId) return;
  requireUuids([unitId], 'filter.withinUnit');
  query.andWhere(`${query.alias}.${pathProperty} @> ARRAY[:withinUnit]::uuid[]`, { withinUnit: unitId });
}

/** The filters every unit record shares (besides `ids`, which RecordService.createQuery applies). */
export interface UnitRecordFilter {
  organizationId?: string;
  unitId?: string;
  withinUnit?: string;
  unitLevels?: string[];
}

/** Applies the shared unit-record filters (organisation, unit, subtree, unit levels), checking the ids. */
export function whereUnitRecord(query: SelectQueryBuilder<ObjectLiteral>, filter: UnitRecordFilter): void {
  requireUuidFields(filter, ['organizationId', 'unitId']);
  const alias = query.alias;
  if (filter.organizationId) query.andWhere(`${alias}.organizationId = :organizationId`, { organizationId: filter.organizationId });
  if (filter.unitId) query.andWhere(`${alias}.unitId = :unitId`, { unitId: filter.unitId });
  whereWithinUnit(query, filter.withinUnit);
  if (filter.unitLevels?.length) query.andWhere(`${alias}.unitLevel IN (:...unitLevels)`, { unitLevels: filter.unitLevels });
}
