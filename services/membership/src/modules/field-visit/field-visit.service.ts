import { badUserInput, checkNotInFuture, FieldErrors, noSuchRecord } from '@sangathan/common';
import type { SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps } from '../../context';
import { MemberUnitRecordService } from '../../member-unit-records';
import { Member } from '../member/member.entity';
import { FieldVisit } from './field-visit.entity';
import type { CadreVisitSummary, FieldVisitFilter, FieldVisitInput, FieldVisitUpdateInput } from './field-visit.types';

function cleanActivities(activities: string[] | undefined): string[] {
  return (activities ?? []).map((activity) => activity.trim()).filter(Boolean);
}

export class FieldVisitService extends MemberUnitRecordService<FieldVisit, FieldVisitFilter, 'cadreId'> {
  protected readonly defaultSort = 'visitedOn';

  constructor(deps: MembershipDeps) {
    super(deps, FieldVisit, 'FieldVisit', 'cadreId');
  }

  query(filter: FieldVisitFilter = {}): SelectQueryBuilder<FieldVisit> {
    const query = this.memberUnitQuery('v', filter, `(v.notes ILIKE :qText OR array_to_string(v.activities, ' ') ILIKE :qText)`);
    if (filter.purposes?.length) query.andWhere('v.purpose IN (:...purposes)', { purposes: filter.purposes });
    if (filter.from) query.andWhere('v.visitedOn >= :from', { from: filter.from });
    if (filter.to) query.andWhere('v.visitedOn <= :to', { to: filter.to });
    return query;
  }

  async create(input: FieldVisitInput): Promise<FieldVisit> {
    return this.dataSource.transaction(async (manager) => {
      const errors = new FieldErrors();
      const { member, unit } = await this.checkMemberAndUnit(manager, errors, input.cadreId, input.unitId);
      checkNotInFuture(errors, 'visitedOn', input.visitedOn);
      errors.throwIfAny();
      return manager.save(
        manager.create(FieldVisit, {
          cadreId: member!.id,
          unitId: unit!.id,
          visitedOn: input.visitedOn,
          purpose: input.purpose,
          activities: cleanActivities(input.activities),
          notes: input.notes?.trim() || null,
        }),
      );
    });
  }

  async updateRecord(id: string, input: FieldVisitUpdateInput, expectedVersion?: number): Promise<FieldVisit> {
    return this.update(id, expectedVersion, async (visit, manager) => {
      const errors = new FieldErrors();
      const unit = await this.checkNewUnit(manager, errors, visit, input.unitId);
      if (unit) visit.unitId = unit.id;
      if (input.visitedOn !== undefined) checkNotInFuture(errors, 'visitedOn', input.visitedOn);
      errors.throwIfAny();
      if (input.visitedOn) visit.visitedOn = input.visitedOn;
      if (input.purpose) visit.purpose = input.purpose;
      if (input.activities !== undefined) visit.activities = cleanActivities(input.activities);
      if (input.notes !== undefined) visit.notes = input.notes?.trim() || null;
    });
  }

  /** Per cadre of the organisation: visits, distinct units and days in the field between two dates. */
  async summary(organizationId: string, from: string, to: string): Promise<CadreVisitSummary[]> {
    if (!(await this.services.organizations.get(organizationId)))
      throw badUserInput({ organizationId: noSuchRecord('Organization', organizationId) });
    if (to < from) throw badUserInput({ to: 'must not be before from' });
    // Only visits to units the caller may see count; cadres the caller may not see are left out.
    const rows: { cadre_id: string; visits: string; units: string; days: string; first: string; last: string }[] = await this.scoped(
      this.repository.createQueryBuilder('v'),
    )
      .innerJoin(Member, 'm', 'm.id = v.cadre_id')
      .select('v.cadre_id', 'cadre_id')
      .addSelect('count(*)', 'visits')
      .addSelect('count(DISTINCT v.unit_id)', 'units')
      .addSelect('count(DISTINCT v.visited_on)', 'days')
      .addSelect(`to_char(min(v.visited_on), 'YYYY-MM-DD')`, 'first')
      .addSelect(`to_char(max(v.visited_on), 'YYYY-MM-DD')`, 'last')
      .andWhere('m.organization_id = :organizationId AND v.visited_on BETWEEN :from AND :to', { organizationId, from, to })
      .groupBy('v.cadre_id')
      .orderBy('count(*)', 'DESC')
      .addOrderBy('v.cadre_id')
      .getRawMany();
    const cadres = await this.services.members.loader.loadMany(rows.map((row) => row.cadre_id));
    return rows
      .flatMap((row, index) => {
        const cadre = cadres[index];
        return cadre && !(cadre instanceof Error) ? [{ row, cadre }] : [];
      })
      .map(({ row, cadre }) => ({
        cadre,
        visits: Number(row.visits),
        distinctUnits: Number(row.units),
        daysInField: Number(row.days),
        firstVisitOn: row.first,
        lastVisitOn: row.last,
      }));
  }
}
