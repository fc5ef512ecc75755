import { FieldErrors } from '@sangathan/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps } from '../../context';
import { MemberUnitRecordService, periodAfter, whereActive } from '../../member-unit-records';
import { Assignment } from './assignment.entity';
import type { AssignmentFilter, AssignmentInput, AssignmentUpdateInput } from './assignment.types';

export class AssignmentService extends MemberUnitRecordService<Assignment, AssignmentFilter, 'cadreId'> {
  protected readonly defaultSort = 'startsOn';

  constructor(deps: MembershipDeps) {
    super(deps, Assignment, 'Assignment', 'cadreId');
  }

  query(filter: AssignmentFilter = {}): SelectQueryBuilder<Assignment> {
    const query = this.memberUnitQuery('a', filter, 'a.note ILIKE :qText');
    whereActive(query, filter.active);
    return query;
  }

  async create(input: AssignmentInput): Promise<Assignment> {
    return this.dataSource.transaction(async (manager) => {
      const errors = new FieldErrors();
      const { member, unit } = await this.checkMemberAndUnit(manager, errors, input.cadreId, input.unitId);
      const period = periodAfter(errors, input);
      errors.throwIfAny();
      return manager.save(
        manager.create(Assignment, {
          cadreId: member!.id,
          unitId: unit!.id,
          ...period,
          note: input.note?.trim() || null,
        }),
      );
    });
  }

  async updateRecord(id: string, input: AssignmentUpdateInput, expectedVersion?: number): Promise<Assignment> {
    return this.update(id, expectedVersion, async (assignment, manager) => {
      const errors = new FieldErrors();
      const unit = await this.checkNewUnit(manager, errors, assignment, input.unitId);
      const period = periodAfter(errors, input, assignment);
      errors.throwIfAny();
      Object.assign(assignment, period, unit ? { unitId: unit.id } : {});
      if (input.note !== undefined) assignment.note = input.note?.trim() || null;
    });
  }
}
