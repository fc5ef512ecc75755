import {
  FieldErrors,
  paginate,
  RecordService,
  requireUuids,
  searchKeyCondition,
  toSortFields,
  whereIds,
  type PageInput,
  escapeLike,
} from '@sangathan/common';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { checkMemberAndUnit, checkNewUnit, periodAfter, whereActive } from '../../references';
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
    for (const field of ['cadreId', 'unitId', 'withinUnit'] as const) if (filter[field]) requireUuids([filter[field]!], `filter.${field}`);
    const query = this.repository.createQueryBuilder('a');
    whereIds(query, filter.ids);
    if (filter.q?.trim()) {
      const name = searchKeyCondition('search_key', filter.q);
      query.andWhere(`(a.note ILIKE :qText OR a.member_id IN (SELECT id FROM member WHERE ${name?.sql ?? 'FALSE'}))`, {
        ...name?.parameters,
        qText: `%${escapeLike(filter.q.trim())}%`,
      });
    }
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
