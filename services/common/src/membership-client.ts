import DataLoader from 'dataloader';
import { badUserInput, type FieldErrors, noSuchRecord, serviceUnavailable } from './errors';
import { serviceLimits } from './limits';
import { isUuid } from './record-service';
import type { DataScope } from './auth/data-scope';
import type { ServiceTokenSource } from './auth/tokens';
import { requestIdHeaders } from './request-context';

export interface UnitInfo {
  id: string;
  organizationId: string;
  level: string;
  name: string;
  /** Root first, the unit itself included. */
  path: string[];
}

export interface MemberInfo {
  id: string;
  organizationId: string;
  fullName: string;
  /** The home unit's path, root first: for scope checks. */
  unit: { path: string[] };
}

export interface UnitLevelInfo {
  key: string;
  label: string;
  /** A lower rank is higher up the tree. */
  rank: number;
}

export interface OrganizationInfo {
  id: string;
  /** Ordered from the top down. */
  unitLevels: UnitLevelInfo[];
}

export interface UnitChangeInfo {
  seq: number;
  unitId: string;
  path: string[];
  level: string;
}

/** One merge of two members: everything that named `retiredId` now names `keptId`. */
export interface MemberMergeInfo {
  seq: number;
  retiredId: string;
  keptId: string;
}

const BATCH = 500;

/**
 * What other services ask the membership service (its own subgraph endpoint, not the gateway): whether
 * units and members exist, and unit ancestry. A service never reads membership's database.
 */
export class MembershipClient {
  /** `tokens`: this service's own credentials; membership answers only the gateway and other services. */
  constructor(
    private readonly url: string,
    private readonly tokens: ServiceTokenSource,
  ) {}

  private async request<T>(query: string, variables: Record<string, unknown>, timeoutMs = 10000): Promise<T> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await this.tokens.token()}`, ...requestIdHeaders() },
        body: JSON.stringify({ query, variables }),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch {
      throw serviceUnavailable('membership');
    }
    const body = (await response.json().catch(() => null)) as { data?: T; errors?: { message: string }[] } | null;
    if (!body?.data || body.errors?.length) {
      if (response.status >= 500 && !body?.errors) throw serviceUnavailable('membership');
      throw new Error(`membership answered with errors: ${JSON.stringify(body?.errors ?? response.status)}`);
    }
    return body.data;
  }

  /** Whether membership answers this service (its address, its credentials); throws when not. For /ready. */
  async ping(): Promise<void> {
    await this.request<{ __typename: string }>('{ __typename }', {}, 2000);
  }

  /**
   * Live records of one list query by id (unknown and deleted ones are absent), in batches of 500:
   * `list` is the API's list name (orgUnits, members, organizations), `fields` what to select.
   */
  private async byIds<T extends { id: string }>(list: string, fields: string, ids: readonly string[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const valid = [...new Set(ids.filter(isUuid))];
    for (let start = 0; start < valid.length; start += BATCH) {
      const batch = valid.slice(start, start + BATCH);
      const data = await this.request<Record<string, { items: T[] }>>(
        `query ($ids: [ID!], $limit: Int) { ${list}(filter: { ids: $ids }, page: { limit: $limit }) { items { ${fields} } } }`,
        { ids: batch, limit: batch.length },
      );
      for (const record of data[list].items) found.set(record.id, record);
    }
    return found;
  }

  units(ids: readonly string[]): Promise<Map<string, UnitInfo>> {
    return this.byIds('orgUnits', 'id organizationId level name path', ids);
  }

  members(ids: readonly string[]): Promise<Map<string, MemberInfo>> {
    return this.byIds('members', 'id organizationId fullName unit { path }', ids);
  }

  /** With their unit levels. */
  organizations(ids: readonly string[]): Promise<Map<string, OrganizationInfo>> {
    return this.byIds('organizations', 'id unitLevels { key label rank }', ids);
  }

  /**
   * Ids of the live units at `level` within `unitId` (the unit included if it is at that level), for a
   * roll-up that answers one row per unit: more than MAX_ROLLUP_UNITS of them is BAD_USER_INPUT on
   * `level`, found from the first page's total before the rest is fetched.
   */
  async unitIdsAtLevel(unitId: string, level: string): Promise<string[]> {
    const { maxRollupUnits } = serviceLimits();
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const data: { orgUnits: { items: { id: string }[]; nextCursor: string | null; total?: number } } = await this.request(
        `query ($unit: ID!, $level: String!, $after: String, $first: Boolean!) {
          orgUnits(filter: { withinUnit: $unit, levels: [$level] }, page: { limit: 500, after: $after }) {
            items { id } nextCursor total @include(if: $first) } }`,
        { unit: unitId, level, after, first: after === null },
      );
      const total = data.orgUnits.total;
      if (total !== undefined && total > maxRollupUnits) {
        throw badUserInput({
          level: `covers ${total} units at level "${level}"; a roll-up answers at most ${maxRollupUnits}: choose a higher level`,
        });
      }
      ids.push(...data.orgUnits.items.map((unit) => unit.id));
      after = data.orgUnits.nextCursor;
    } while (after);
    return ids;
  }

  /** How many live units lie at each (unit, level): the unit itself counts when at that level. One request. */
  async countUnits(pairs: readonly { unitId: string; level: string }[]): Promise<number[]> {
    if (!pairs.length) return [];
    const parameters = pairs.map((_, index) => `$u${index}: ID!, $l${index}: String!`).join(', ');
    const fields = pairs
      .map((_, index) => `c${index}: orgUnits(filter: { withinUnit: $u${index}, levels: [$l${index}] }) { total }`)
      .join(' ');
    const variables = Object.fromEntries(
      pairs.flatMap((pair, index) => [
        [`u${index}`, pair.unitId],
        [`l${index}`, pair.level],
      ]),
    );
    const data = await this.request<Record<string, { total: number }>>(`query (${parameters}) { ${fields} }`, variables);
    return pairs.map((_, index) => data[`c${index}`].total);
  }

  async unitChanges(after: number, limit: number): Promise<UnitChangeInfo[]> {
    const data = await this.request<{ unitChanges: UnitChangeInfo[] }>(
      `query ($after: Int, $limit: Int) { unitChanges(after: $after, limit: $limit) { seq unitId path level } }`,
      { after, limit },
    );
    return data.unitChanges;
  }

  async memberMerges(after: number, limit: number): Promise<MemberMergeInfo[]> {
    const data = await this.request<{ memberMerges: MemberMergeInfo[] }>(
      `query ($after: Int, $limit: Int) { memberMerges(after: $after, limit: $limit) { seq retiredId keptId } }`,
      { after, limit },
    );
    return data.memberMerges;
  }
}

/** A loader that fetches a batch of ids as a map; unknown ids load as null. */
function byId<T>(fetch: (ids: readonly string[]) => Promise<Map<string, T>>): DataLoader<string, T | null> {
  return new DataLoader(async (ids) => {
    const found = await fetch(ids);
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Per-request batched lookups: every unit, member and organisation id a request names is fetched in one call each. */
export class MembershipLookups {
  readonly units: DataLoader<string, UnitInfo | null>;
  readonly members: DataLoader<string, MemberInfo | null>;
  readonly organizations: DataLoader<string, OrganizationInfo | null>;

  /** Keyed "unitId|level". */
  readonly unitCounts: DataLoader<string, number>;

  /** `scope`: the caller's; a unit outside it makes a write FORBIDDEN on the field naming it. */
  constructor(
    readonly client: MembershipClient,
    readonly scope: DataScope,
  ) {
    this.unitCounts = new DataLoader(
      (keys) =>
        client.countUnits(
          keys.map((key) => {
            const [unitId, level] = key.split('|');
            return { unitId, level };
          }),
        ),
      { maxBatchSize: 100 },
    );
    this.units = byId((ids) => client.units(ids));
    this.members = byId((ids) => client.members(ids));
    this.organizations = byId((ids) => client.organizations(ids));
  }

  /** Of these unit ids, those the caller may see: live units within its scope. */
  visibleUnitIds(ids: readonly string[]): Promise<Set<string>> {
    return this.idsWithinScope(this.units, (unit) => unit.path, ids);
  }

  /** Of these member ids, those the caller may see: live members whose home unit lies within its scope. */
  visibleMemberIds(ids: readonly string[]): Promise<Set<string>> {
    return this.idsWithinScope(this.members, (member) => member.unit.path, ids);
  }

  /**
   * Of these ids, those whose record (through one of the batched lookups) lies within the caller's
   * scope. No request for an unrestricted caller; membership not answering is an error, never "absent".
   */
  private async idsWithinScope<R extends { organizationId: string }>(
    loader: DataLoader<string, R | null>,
    pathOf: (record: R) => string[],
    ids: readonly string[],
  ): Promise<Set<string>> {
    if (this.scope.everything) return new Set(ids);
    const records = await loader.loadMany(ids);
    const failure = records.find((record) => record instanceof Error);
    if (failure) throw failure;
    return new Set(
      ids.filter((_, index) => {
        const record = records[index] as R | null;
        return record !== null && this.scope.containsPath(pathOf(record), record.organizationId);
      }),
    );
  }

  /**
   * The live unit an input field names, or an error on that field (unknown, deleted, or of another
   * organisation than `organizationId` when given).
   */
  async requireUnit(errors: FieldErrors, field: string, id: string, organizationId?: string): Promise<UnitInfo | null> {
    const unit = isUuid(id) ? await this.units.load(id) : null;
    if (!unit) errors.add(field, noSuchRecord('OrgUnit', id));
    else if (organizationId && unit.organizationId !== organizationId) errors.add(field, 'belongs to another organisation');
    else if (!this.scope.containsPath(unit.path, unit.organizationId)) errors.forbid(field);
    else return unit;
    return null;
  }

  /** The live member an input field names, or an error on that field. */
  async requireMember(errors: FieldErrors, field: string, id: string, organizationId?: string): Promise<MemberInfo | null> {
    const member = isUuid(id) ? await this.members.load(id) : null;
    if (!member) errors.add(field, noSuchRecord('Member', id));
    else if (organizationId && member.organizationId !== organizationId) errors.add(field, 'belongs to another organisation');
    else if (!this.scope.containsPath(member.unit.path, member.organizationId)) errors.forbid(field);
    else return member;
    return null;
  }

  /** The live organisation an input field names (with its unit levels), or an error on that field. */
  async requireOrganization(errors: FieldErrors, field: string, id: string): Promise<OrganizationInfo | null> {
    const organization = isUuid(id) ? await this.organizations.load(id) : null;
    if (!organization) errors.add(field, noSuchRecord('Organization', id));
    return organization;
  }
}
