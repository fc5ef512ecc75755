import { FieldErrors, today } from '@sangathan/common';
import DataLoader from 'dataloader';
import type { SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps } from '../../context';
import { MemberUnitRecordService, periodAfter, whereActive } from '../../member-unit-records';
import { Position } from './position.entity';
import type { PositionFilter, PositionInput, PositionUpdateInput } from './position.types';

/** Held on `day`: started and not yet ended. */
export function isActiveOn(record: { startsOn: string; endsOn: string | null }, day = today()): boolean {
  return record.startsOn <= day && (record.endsOn === null || record.endsOn >= day);
}

export class PositionService extends MemberUnitRecordService<Position, PositionFilter, 'memberId'> {
  protected readonly defaultSort = 'startsOn';

  /** A member's positions, newest first, for many members in one query. */
  readonly byMember = new DataLoader<string, Position[]>(async (memberIds) => {
    const rows = await this.scoped(this.repository.createQueryBuilder('p'))
      .andWhere('p.memberId IN (:...memberIds)', { memberIds: [...memberIds] })
      .orderBy('p.startsOn', 'DESC')
      .getMany();
    return memberIds.map((id) => rows.filter((row) => row.memberId === id));
  });

  constructor(deps: MembershipDeps) {
    super(deps, Position, 'Position', 'memberId');
  }

  query(filter: PositionFilter = {}): SelectQueryBuilder<Position> {
    const query = this.memberUnitQuery('p', filter, 'p.label ILIKE :qText');
    if (filter.titles?.length) query.andWhere('p.title IN (:...titles)', { titles: filter.titles });
    whereActive(query, filter.active);
    return query;
  }

  async create(input: PositionInput): Promise<Position> {
    return this.dataSource.transaction(async (manager) => {
      const errors = new FieldErrors();
      const { member, unit } = await this.checkMemberAndUnit(manager, errors, input.memberId, input.unitId);
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
      const unit = await this.checkNewUnit(manager, errors, position, input.unitId);
      const period = periodAfter(errors, input, position);
      errors.throwIfAny();
      Object.assign(position, period, unit ? { unitId: unit.id } : {});
      if (input.title) position.title = input.title;
      if (input.label !== undefined) position.label = input.label?.trim() || null;
    });
  }
}
