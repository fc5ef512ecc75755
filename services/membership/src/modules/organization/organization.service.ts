import { cleanText, escapeLike, FieldErrors, RecordService, type ScopeSql } from '@sangathan/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import type { MembershipDeps } from '../../context';
import { Member } from '../member/member.entity';
import { OrgUnit } from '../org-unit/org-unit.entity';
import { LOCALES, Organization, type UnitLevel } from './organization.entity';
import type { OrganizationFilter, OrganizationInput, OrganizationUpdateInput } from './organization.types';

export class OrganizationService extends RecordService<Organization, OrganizationFilter> {
  protected readonly defaultSort = 'name';

  constructor(deps: MembershipDeps) {
    super(deps, Organization, 'Organization');
  }

  /** An organisation is visible to everyone in it, whatever their scope unit. */
  protected scopeSql(alias: string): ScopeSql {
    return { unit: 'TRUE', organization: `${alias}.id` };
  }

  query(filter: OrganizationFilter = {}): SelectQueryBuilder<Organization> {
    const query = this.createQuery('o', filter);
    if (filter.q?.trim()) query.andWhere('(o.name ILIKE :q OR o.shortName ILIKE :q)', { q: `%${escapeLike(filter.q.trim())}%` });
    if (filter.country) query.andWhere('o.country = :country', { country: filter.country.toUpperCase() });
    return query;
  }

  async create(input: OrganizationInput): Promise<Organization> {
    const errors = new FieldErrors();
    const values = this.validate(errors, input, true);
    errors.throwIfAny();
    return this.repository.save(this.repository.create({ ...values, memberSequence: 0 }));
  }

  async updateRecord(id: string, input: OrganizationUpdateInput, expectedVersion?: number): Promise<Organization> {
    return this.update(id, expectedVersion, async (organization, manager) => {
      const errors = new FieldErrors();
      const values = this.validate(errors, input, false);
      if (values.unitLevels) await this.checkLevelsFitUnits(manager, errors, id, values.unitLevels);
      errors.throwIfAny();
      Object.assign(organization, values);
    });
  }

  /**
   * New levels must keep every unit valid: no level still used (deleted units count: they can be
   * restored) may go, and every unit must stay ranked below its parent.
   */
  private async checkLevelsFitUnits(manager: EntityManager, errors: FieldErrors, id: string, levels: UnitLevel[]): Promise<void> {
    const rank = new Map(levels.map((level) => [level.key, level.rank]));
    const used: { level: string }[] = await manager.query('SELECT DISTINCT level FROM org_unit WHERE organization_id = $1', [id]);
    const dropped = used.map((row) => row.level).filter((level) => !rank.has(level));
    if (dropped.length) {
      errors.add('unitLevels', `levels still used by units (deleted ones included) cannot be removed: ${dropped.join(', ')}`);
      return;
    }
    const pairs: { parent: string; child: string }[] = await manager.query(
      `SELECT DISTINCT p.level AS parent, c.level AS child
         FROM org_unit c JOIN org_unit p ON p.id = c.parent_id
        WHERE c.organization_id = $1`,
      [id],
    );
    const inverted = pairs.find((pair) => rank.get(pair.child)! <= rank.get(pair.parent)!);
    if (inverted) errors.add('unitLevels', `these ranks would put ${inverted.child} units at or above their ${inverted.parent} parents`);
  }

  private validate(errors: FieldErrors, input: OrganizationUpdateInput, creating: boolean): Partial<Organization> {
    const values: Partial<Organization> = {};
    const name = cleanText(errors, 'name', input.name, creating || input.name !== undefined);
    if (name) values.name = name;
    const shortName = cleanText(errors, 'shortName', input.shortName, creating || input.shortName !== undefined);
    if (shortName) values.shortName = shortName;
    if (creating || input.country !== undefined) {
      const country = input.country?.trim().toUpperCase() ?? '';
      if (/^[A-Z]{2}$/.test(country)) values.country = country;
      else errors.add('country', 'must be a two-letter ISO country code such as IN or VN');
    }
    if (input.defaultLocale !== undefined) {
      if ((LOCALES as readonly string[]).includes(input.defaultLocale)) values.defaultLocale = input.defaultLocale;
      else errors.add('defaultLocale', `must be one of ${LOCALES.join(', ')}`);
    } else if (creating) values.defaultLocale = 'en';
    if (creating || input.unitLevels !== undefined) {
      const levels = input.unitLevels ?? [];
      const problem = unitLevelsProblem(levels);
      if (problem) errors.add('unitLevels', problem);
      else
        values.unitLevels = [...levels]
          .sort((a, b) => a.rank - b.rank)
          .map(({ key, label, rank }) => ({ key: key.trim(), label: label.trim(), rank }));
    }
    return values;
  }

  /** The level definition for a key, or undefined when the organisation has no such level. */
  static level(organization: Organization, key: string): UnitLevel | undefined {
    return organization.unitLevels.find((level) => level.key === key);
  }

  protected override async deleteBlockers(records: Organization[], manager: EntityManager): Promise<Map<string, string>> {
    const blockers = new Map<string, string>();
    for (const organization of records) {
      const units = await manager.count(OrgUnit, { where: { organizationId: organization.id } });
      const members = await manager.count(Member, { where: { organizationId: organization.id } });
      if (units || members) blockers.set(organization.id, `${organization.name} still has ${units} units and ${members} members`);
    }
    return blockers;
  }
}

function unitLevelsProblem(levels: { key: string; label: string; rank: number }[]): string | undefined {
  if (!levels.length) return 'must list at least one level';
  const keys = new Set<string>();
  const ranks = new Set<number>();
  for (const level of levels) {
    if (!/^[a-z][a-z0-9_]*$/.test(level.key.trim())) return `key "${level.key}" must be lower-case letters, digits and _`;
    if (!level.label.trim()) return `level "${level.key}" needs a label`;
    if (keys.has(level.key.trim())) return `key "${level.key}" appears twice`;
    if (ranks.has(level.rank)) return `rank ${level.rank} appears twice`;
    keys.add(level.key.trim());
    ranks.add(level.rank);
  }
  return undefined;
}
