import {
  FieldErrors,
  type PageInput,
  paginate,
  RecordService,
  requireUuidFields,
  requireUuids,
  today,
  toSortFields,
  whereIds,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import { In, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { checkMemberAndUnit, checkNewUnit, periodAfter, whereActive, whereTextOrMemberName } from '../../references';
import type { MemberService } from '../member/member.service';
import type { OrgUnitService } from '../org-unit/org-unit.service';
import { unitWithin } from '../org-unit/org-unit.service';
import { Position } from './position.entity';
import type { PositionFilter, PositionInput, PositionSort, PositionUpdateInput } from './position.types';

/** Held on `day`: started and not yet ended. */
export function isActiveOn(record: { startsOn: string; endsOn: string | null }, day = today()): boolean {
  return record.startsOn <= day && (record.endsOn === null || record.endsOn >= day);
}

export class PositionService extends RecordService<Position> {
  /** A member's positions, newest first, for many members in one query. */
  readonly byMember = new DataLoader<string, Position[]>(async (memberIds) => {
    const rows = await this.repository.find({ where: { memberId: In([...memberIds]) }, order: { startsOn: 'DESC' } });
    return memberIds.map((id) => rows.filter((row) => row.memberId === id));
  });

  constructor(
    dataSource: DataSource,
    readonly members: MemberService,
    readonly units: OrgUnitService,
  ) {
    super(dataSource, Position, 'Position');
  }

  query(filter: PositionFilter = {}): SelectQueryBuilder<Position> {
    requireUuids(filter.ids, 'filter.ids');
    requireUuidFields(filter, ['memberId', 'unitId', 'withinUnit']);
    const query = this.repository.createQueryBuilder('p');
    whereIds(query, filter.ids);
    whereTextOrMemberName(query, filter.q, 'p.label ILIKE :qText');
    if (filter.memberId) query.andWhere('p.memberId = :memberId', { memberId: filter.memberId });
    if (filter.unitId) query.andWhere('p.unitId = :unitId', { unitId: filter.unitId });
    if (filter.withinUnit) query.andWhere(unitWithin('p.unit_id', 'withinUnit'), { withinUnit: filter.withinUnit });
    if (filter.titles?.length) query.andWhere('p.title IN (:...titles)', { titles: filter.titles });
    whereActive(query, filter.active);
    return query;
  }

  list(filter: PositionFilter = {}, sort: PositionSort[] = [], page?: PageInput) {
    return paginate(this.query(filter), toSortFields(sort, 'startsOn'), page, { searching: Boolean(filter.q?.trim()) });
  }

  async create(input: PositionInput): Promise<Position> {
    return this.dataSource.transaction(async (manager) => {
      const errors = new FieldErrors();
      const { member, unit } = await checkMemberAndUnit(manager, errors, {
        memberId: input.memberId,
        memberField: 'memberId',
        unitId: input.unitId,
      });
      const period = periodAfter(errors, input);
      errors.throwIfAny();
      return manager.save(
        manager.create(Position, {
          memberId: member!.id,
          unitId: unit!.id,
          title: input.title,
          label: input.label?.trim() || null,
          ...period,
        }),
      );
    });
  }

  async updateRecord(id: string, input: PositionUpdateInput, expectedVersion?: number): Promise<Position> {
    return this.update(id, expectedVersion, async (position, manager) => {
      const errors = new FieldErrors();
      const unit = await checkNewUnit(manager, errors, { memberId: position.memberId, memberField: 'memberId', unitId: input.unitId });
      const period = periodAfter(errors, input, position);
      errors.throwIfAny();
      Object.assign(position, period, unit ? { unitId: unit.id } : {});
      if (input.title) position.title = input.title;
      if (input.label !== undefined) position.label = input.label?.trim() || null;
    });
  }
}
