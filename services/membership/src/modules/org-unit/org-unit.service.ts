import {
  ADVISORY_LOCKS,
  badUserInput,
  cleanText,
  escapeLike,
  FieldErrors,
  type FieldMessages,
  type PageInput,
  RecordService,
  pathWithinScope,
  type ScopeSql,
  searchKey,
  searchKeyCondition,
  toLatin,
} from '@sangathan/common';
import DataLoader from 'dataloader';
import { randomUUID } from 'node:crypto';
import { In, IsNull, MoreThan, type EntityManager, type SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps, MembershipServices } from '../../context';
import { Member } from '../member/member.entity';
import { Organization } from '../organization/organization.entity';
import { OrganizationService } from '../organization/organization.service';
import { UnitChange } from '../unit-change/unit-change.entity';
import { OrgUnit } from './org-unit.entity';
import type { OrgUnitFilter, OrgUnitInput, OrgUnitUpdateInput } from './org-unit.types';

/** SQL condition: the unit column (a uuid) is `:param` or lies below it. One GIN-indexed lookup. */
export function unitWithin(unitColumn: string, parameter: string): string {
  return `${unitColumn} IN (SELECT sub.id FROM org_unit sub WHERE sub.path @> ARRAY[:${parameter}]::uuid[] AND sub.deleted_at IS NULL)`;
}

/** Scope SQL (see DataScope): the unit column names the scope unit or a unit below it, deleted ones included. */
export function unitInScope(unitColumn: string): string {
  return `${unitColumn} IN (SELECT scope_unit.id FROM org_unit scope_unit WHERE scope_unit.path @> ARRAY[:scopeUnitId]::uuid[])`;
}

/** Scope SQL for what an account or token gives access to: its scope unit lies in the caller's scope. */
export function scopeUnitInScope(alias: string): ScopeSql {
  return { unit: unitInScope(`${alias}.scope_unit_id`), organization: `${alias}.organization_id` };
}

export class OrgUnitService extends RecordService<OrgUnit, OrgUnitFilter> {
  protected readonly defaultSort = 'nameLatin';
  private readonly services: MembershipServices;

  /** Batched counts of live descendants, keyed "unitId|level" (level may be empty for all levels). */
  readonly descendantCounts = new DataLoader<string, number>(async (keys) => {
    const pairs = keys.map((key) => key.split('|'));
    const rows: { key: string; count: string }[] = await this.dataSource.query(
      `SELECT k.key, count(u.id) AS count
         FROM unnest($1::text[], $2::uuid[], $3::text[]) AS k(key, unit_id, level)
         LEFT JOIN org_unit u ON u.path @> ARRAY[k.unit_id] AND u.id <> k.unit_id AND u.deleted_at IS NULL
                             AND (k.level = '' OR u.level = k.level)
        GROUP BY k.key`,
      [keys, pairs.map(([id]) => id), pairs.map(([, level]) => level)],
    );
    const counts = new Map(rows.map((row) => [row.key, Number(row.count)]));
    return keys.map((key) => counts.get(key) ?? 0);
  });

  constructor(deps: MembershipDeps) {
    super(deps, OrgUnit, 'OrgUnit');
    this.services = deps.services;
  }

  protected scopeSql(alias: string): ScopeSql {
    return { unit: pathWithinScope(`${alias}.path`), organization: `${alias}.organization_id` };
  }

  query(filter: OrgUnitFilter = {}): SelectQueryBuilder<OrgUnit> {
    const query = this.createQuery('u', filter, ['organizationId', 'parentId', 'withinUnit']);
    if (filter.q?.trim()) {
      const name = searchKeyCondition('u.searchKey', filter.q);
      query.andWhere(`((${name?.sql ?? 'FALSE'}) OR u.code ILIKE :qCode OR u.name ILIKE :qText)`, {
        ...name?.parameters,
        qCode: `${escapeLike(filter.q.trim())}%`,
        qText: `%${escapeLike(filter.q.trim())}%`,
      });
    }
    if (filter.organizationId) query.andWhere('u.organizationId = :organizationId', { organizationId: filter.organizationId });
    if (filter.parentId) query.andWhere('u.parentId = :parentId', { parentId: filter.parentId });
    if (filter.isRoot === true) query.andWhere('u.parentId IS NULL');
    if (filter.isRoot === false) query.andWhere('u.parentId IS NOT NULL');
    if (filter.levels?.length) query.andWhere('u.level IN (:...levels)', { levels: filter.levels });
    if (filter.withinUnit) query.andWhere('u.path @> ARRAY[:withinUnit]::uuid[]', { withinUnit: filter.withinUnit });
    return query;
  }

  children(unit: OrgUnit, page?: PageInput) {
    return this.list({ parentId: unit.id }, [], page);
  }

  async changesAfter(after: number, limit: number): Promise<UnitChange[]> {
    if (limit < 1 || limit > 5000) throw badUserInput({ limit: 'must be between 1 and 5000' });
    const changes = await this.dataSource
      .getRepository(UnitChange)
      .find({ where: { seq: MoreThan(after) }, order: { seq: 'ASC' }, take: limit });
    return changes.map((change) => ({ ...change, seq: Number(change.seq) }));
  }

  /** The unit's organisation when the unit is its organisation's only live root; otherwise null. */
  async organizationOfSoleRoot(unitId: string): Promise<string | null> {
    const unit = await this.get(unitId);
    if (!unit || unit.parentId) return null;
    const roots = await this.repository.count({ where: { organizationId: unit.organizationId, parentId: IsNull() } });
    return roots === 1 ? unit.organizationId : null;
  }

  /** Root first, the unit itself excluded. */
  async ancestors(unit: OrgUnit): Promise<OrgUnit[]> {
    const units = await this.loader.loadMany(unit.path.slice(0, -1));
    return units.filter((ancestor): ancestor is OrgUnit => ancestor !== null && !(ancestor instanceof Error));
  }

  async create(input: OrgUnitInput): Promise<OrgUnit> {
    return this.dataSource.transaction(async (manager) => {
      // Creations run alongside each other but not during a move, which would miss the new unit's path.
      await manager.query('SELECT pg_advisory_xact_lock_shared($1)', [ADVISORY_LOCKS.unitTree]);
      const errors = new FieldErrors();
      const organization = await this.findOrganization(manager, errors, input.organizationId);
      const parent = input.parentId ? await this.findParent(manager, errors, input.parentId, organization) : null;
      const name = cleanText(errors, 'name', input.name, true);
      const code = cleanText(errors, 'code', input.code, true);
      if (organization) this.checkLevel(errors, organization, input.level, parent);
      if (organization && code) await this.checkCodeFree(manager, errors, organization.id, code);
      errors.throwIfAny();
      const id = randomUUID();
      const nameLatin = input.nameLatin?.trim() || toLatin(name!);
      return manager.save(
        manager.create(OrgUnit, {
          id,
          organizationId: organization!.id,
          parentId: parent?.id ?? null,
          level: input.level,
          name: name!,
          nameLatin,
          code: code!,
          path: [...(parent?.path ?? []), id],
          searchKey: searchKey(`${name} ${nameLatin}`),
        }),
      );
    });
  }

  async updateRecord(id: string, input: OrgUnitUpdateInput, expectedVersion?: number): Promise<OrgUnit> {
    const changesTree = Boolean(input.makeRoot) || (input.parentId !== undefined && input.parentId !== null) || input.level !== undefined;
    return this.dataSource.transaction(async (manager) => {
      // Moves and level changes one at a time, in any replica, taken before anything is read: each sees
      // the tree as the last one left it, and the feed's seq order is its commit order, so a follower
      // that has read change n can never later find an n - 1 committed behind it.
      if (changesTree) await manager.query('SELECT pg_advisory_xact_lock($1)', [ADVISORY_LOCKS.unitTree]);
      const unit = await this.lockForUpdate(manager, id, expectedVersion);
      const errors = new FieldErrors();
      const organization = await manager.findOneOrFail(Organization, { where: { id: unit.organizationId } });
      if (input.makeRoot && input.parentId) errors.add('parentId', 'cannot be combined with makeRoot');
      const moving = input.makeRoot || (input.parentId !== undefined && input.parentId !== null && input.parentId !== unit.parentId);
      let parent: OrgUnit | null = null;
      if (input.parentId && moving) {
        parent = await this.findParent(manager, errors, input.parentId, organization);
        if (parent?.path.includes(unit.id)) errors.add('parentId', 'cannot move a unit under itself or one of its own descendants');
      } else if (!moving && unit.parentId) {
        parent = await manager.findOne(OrgUnit, { where: { id: unit.parentId } });
      }
      const level = input.level ?? unit.level;
      if (moving || input.level !== undefined) {
        this.checkLevel(errors, organization, level, parent);
        await this.checkChildrenBelow(manager, errors, organization, unit, level);
      }
      const name = input.name !== undefined ? cleanText(errors, 'name', input.name, true) : unit.name;
      const code = input.code !== undefined ? cleanText(errors, 'code', input.code, true) : unit.code;
      if (code && code !== unit.code) await this.checkCodeFree(manager, errors, unit.organizationId, code);
      errors.throwIfAny();

      if (moving) await this.movePath(manager, unit, parent);
      if (moving || level !== unit.level) {
        // movePath has already set unit.path to the new path.
        await manager.insert(UnitChange, { unitId: unit.id, path: unit.path, level });
      }
      const nameLatin = input.nameLatin?.trim() || (input.name !== undefined && name !== unit.name ? toLatin(name!) : unit.nameLatin);
      Object.assign(unit, { level, name, code, nameLatin, searchKey: searchKey(`${name} ${nameLatin}`) });
      return manager.save(unit);
    });
  }

  /** Rewrites the materialised path of the unit and its whole subtree in one statement. */
  private async movePath(manager: EntityManager, unit: OrgUnit, parent: OrgUnit | null): Promise<void> {
    const newPath = [...(parent?.path ?? []), unit.id];
    await manager.query(
      `UPDATE org_unit SET path = $1::uuid[] || path[array_position(path, $2::uuid) + 1 :]
        WHERE path @> ARRAY[$2::uuid] AND id <> $2`,
      [newPath, unit.id],
    );
    unit.parentId = parent?.id ?? null;
    unit.path = newPath;
  }

  private findOrganization(manager: EntityManager, errors: FieldErrors, id: string): Promise<Organization | null> {
    return this.services.organizations.findReference(errors, 'organizationId', id, { manager });
  }

  private async findParent(
    manager: EntityManager,
    errors: FieldErrors,
    id: string,
    organization: Organization | null,
  ): Promise<OrgUnit | null> {
    const parent = await this.findReference(errors, 'parentId', id, { manager });
    if (parent && organization && parent.organizationId !== organization.id) errors.add('parentId', 'belongs to another organisation');
    return parent;
  }

  private checkLevel(errors: FieldErrors, organization: Organization, levelKey: string, parent: OrgUnit | null): void {
    const level = OrganizationService.level(organization, levelKey);
    if (!level) {
      errors.add('level', `must be one of ${organization.unitLevels.map((l) => l.key).join(', ')}`);
      return;
    }
    if (!parent) return;
    const parentLevel = OrganizationService.level(organization, parent.level);
    if (parentLevel && level.rank <= parentLevel.rank) {
      errors.add('level', `${level.label} cannot sit under a ${parentLevel.label}: it must be a lower level`);
    }
  }

  private async checkChildrenBelow(
    manager: EntityManager,
    errors: FieldErrors,
    organization: Organization,
    unit: OrgUnit,
    levelKey: string,
  ) {
    const level = OrganizationService.level(organization, levelKey);
    if (!level) return;
    const childLevels: { level: string }[] = await manager.query(
      'SELECT DISTINCT level FROM org_unit WHERE parent_id = $1 AND deleted_at IS NULL',
      [unit.id],
    );
    const clash = childLevels
      .map((row) => OrganizationService.level(organization, row.level))
      .find((child) => child && child.rank <= level.rank);
    if (clash) errors.add('level', `${level.label} would not be above its ${clash.label} children`);
  }

  private async checkCodeFree(manager: EntityManager, errors: FieldErrors, organizationId: string, code: string) {
    const taken = await manager.exists(OrgUnit, { where: { organizationId, code } });
    if (taken) errors.add('code', `${code} is already used by another unit of this organisation`);
  }

  protected override async deleteBlockers(units: OrgUnit[], manager: EntityManager): Promise<Map<string, string>> {
    const ids = units.map((unit) => unit.id);
    const children = await manager
      .createQueryBuilder(OrgUnit, 'u')
      .select('u.parentId', 'id')
      .addSelect('count(*)', 'count')
      .where({ parentId: In(ids) })
      .andWhere('u.id NOT IN (:...ids)', { ids })
      .groupBy('u.parentId')
      .getRawMany<{ id: string; count: string }>();
    const members = await manager
      .createQueryBuilder(Member, 'm')
      .select('m.unitId', 'id')
      .addSelect('count(*)', 'count')
      .where({ unitId: In(ids), deletedAt: IsNull() })
      .groupBy('m.unitId')
      .getRawMany<{ id: string; count: string }>();
    const blockers = new Map<string, string>();
    for (const unit of units) {
      const reasons = [
        ...children.filter((row) => row.id === unit.id).map((row) => `${row.count} child units`),
        ...members.filter((row) => row.id === unit.id).map((row) => `${row.count} members`),
      ];
      if (reasons.length) blockers.set(unit.id, `${unit.name} still has ${reasons.join(' and ')}; move or delete them first`);
    }
    return blockers;
  }

  protected override async restoreBlockers(unit: OrgUnit, manager: EntityManager): Promise<FieldMessages> {
    const blockers: FieldMessages = {};
    if (unit.parentId && !(await manager.exists(OrgUnit, { where: { id: unit.parentId } }))) {
      blockers.parentId = 'the parent unit is deleted; restore it first';
    }
    if (await manager.exists(OrgUnit, { where: { organizationId: unit.organizationId, code: unit.code } })) {
      blockers.code = `${unit.code} is now used by another unit`;
    }
    return blockers;
  }
}
