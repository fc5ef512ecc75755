import {
  FieldErrors,
  type PageInput,
  paginate,
  RecordService,
  requireUuidFields,
  requireUuids,
  toSortFields,
  whereIds,
} from '@sangathan/common';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { checkMemberAndUnit, checkNewUnit, periodAfter, whereActive, whereTextOrMemberName } from '../../references';
import type { MemberService } from '../member/member.service';
import { unitWithin, type OrgUnitService } from '../org-unit/org-unit.service';
import { Assignment } from './assignment.entity';
import type { AssignmentFilter, AssignmentInput, AssignmentSort, AssignmentUpdateInput } from './assignment.types';

export class AssignmentService extends RecordService<Assignment> {
  constructor(
    dataSource: DataSource,
    readonly members: MemberService,
    readonly units: OrgUnitService,
  ) {
    super(dataSource, Assignment, 'Assignment');
  }

  query(filter: AssignmentFilter = {}): SelectQueryBuilder<Assignment> {
    requireUuids(filter.ids, 'filter.ids');
    requireUuidFields(filter, ['cadreId', 'unitId', 'withinUnit']);
    const query = this.repository.createQueryBuilder('a');
    whereIds(query, filter.ids);
    whereTextOrMemberName(query, filter.q, 'a.note ILIKE :qText');
    if (filter.cadreId) query.andWhere('a.cadreId = :cadreId', { cadreId: filter.cadreId });
    if (filter.unitId) query.andWhere('a.unitId = :unitId', { unitId: filter.unitId });
    if (filter.withinUnit) query.andWhere(unitWithin('a.unit_id', 'withinUnit'), { withinUnit: filter.withinUnit });
    whereActive(query, filter.active);
    return query;
  }

  list(filter: AssignmentFilter = {}, sort: AssignmentSort[] = [], page?: PageInput) {
    return paginate(this.query(filter), toSortFields(sort, 'startsOn'), page, { searching: Boolean(filter.q?.trim()) });
  }

  async create(input: AssignmentInput): Promise<Assignment> {
    return this.dataSource.transaction(async (manager) => {
      const errors = new FieldErrors();
      const { member, unit } = await checkMemberAndUnit(manager, errors, {
        memberId: input.cadreId,
        memberField: 'cadreId',
        unitId: input.unitId,
      });
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
      const unit = await checkNewUnit(manager, errors, { memberId: assignment.cadreId, memberField: 'cadreId', unitId: input.unitId });
      const period = periodAfter(errors, input, assignment);
      errors.throwIfAny();
      Object.assign(assignment, period, unit ? { unitId: unit.id } : {});
      if (input.note !== undefined) assignment.note = input.note?.trim() || null;
    });
  }
}
