import type { Identity } from './identity';

/**
 * The part of the data an identity may see: the subtree of its scope unit, within its organisation.
 * Everything without either (superadmins, services); nothing without an identity.
 */
export class DataScope {
  constructor(readonly identity: Identity | null) {}

  /** No restriction at all. */
  get everything(): boolean {
    return Boolean(this.identity && !this.identity.scopeUnitId && !this.identity.organizationId);
  }

  get unitId(): string | null {
    return this.identity?.scopeUnitId ?? null;
  }

  get organizationId(): string | null {
    return this.identity?.organizationId ?? null;
  }

  /** A unit with this path (root first, the unit included) lies within the scope. */
  containsPath(path: readonly string[], organizationId?: string): boolean {
    if (!this.identity) return false;
    if (this.organizationId && organizationId && organizationId !== this.organizationId) return false;
    return !this.unitId || path.includes(this.unitId);
  }

  /**
   * A SQL condition that a row lies within the scope, with its parameters; null when nothing is
   * restricted. `sql.unit` is the row's test against the scope unit, written with `:scopeUnitId`
   * (see `pathWithinScope`); `sql.organization` the row's organisation id, when it has one.
   */
  condition(sql: ScopeSql): { where: string; parameters: Record<string, unknown> } | null {
    if (!this.identity) return { where: 'FALSE', parameters: {} };
    const parts: string[] = [];
    const parameters: Record<string, unknown> = {};
    if (this.unitId) {
      parts.push(`(${sql.unit})`);
      parameters.scopeUnitId = this.unitId;
    }
    if (this.organizationId && sql.organization) {
      parts.push(`${sql.organization} = :scopeOrganizationId`);
      parameters.scopeOrganizationId = this.organizationId;
    }
    return parts.length ? { where: parts.join(' AND '), parameters } : null;
  }
}

/** How a record type says which rows lie within a scope (see DataScope.condition). */
export interface ScopeSql {
  unit: string;
  organization?: string;
}

/** The scope test for a row that holds its unit's path (a uuid[], root first). */
export function pathWithinScope(pathSql: string): string {
  return `${pathSql} @> ARRAY[:scopeUnitId]::uuid[]`;
}

/** The scope test for a row that belongs to a parent row holding the unit path (a camp's enrolment, a team's member). */
export function parentWithinScope(parentTable: string, foreignKeySql: string, pathColumn = 'unit_path'): string {
  return `EXISTS (SELECT 1 FROM ${parentTable} scope_parent WHERE scope_parent.id = ${foreignKeySql} AND ${pathWithinScope(`scope_parent.${pathColumn}`)})`;
}
