import { createTestDatabase, searchKey, today, toLatin, type TestDatabase } from '@sangathan/common';
import { parsePhoneNumberWithError } from 'libphonenumber-js';
import type { DataSource } from 'typeorm';
import { Organization } from '../modules/organization/organization.entity';
import { createMembershipDataSource, createMembershipServices } from '../service';
import { buildPhuThoUnion } from './phu-tho';
import { PHU_THO_UNION_ID, seedMembership, unitSeedId, UP_PARTY_ID, type SeedSummary } from './seed';
import { buildUpParty } from './up-party';

let database: TestDatabase;
let dataSource: DataSource;
let summary: SeedSummary;
const messages: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase('seed');
  dataSource = createMembershipDataSource(database.url);
  await dataSource.initialize();
  await dataSource.runMigrations();
  summary = await seedMembership(dataSource, { log: (message) => messages.push(message) });
});

afterAll(async () => {
  await dataSource?.destroy();
  await database?.drop();
});

const UP_STATE = unitSeedId('LSP', 'UP');
const PHU_THO_PROVINCE = unitSeedId('DTN-PT', 'PT');

async function count(sql: string, params: unknown[] = []): Promise<number> {
  const [row]: { n: number }[] = await dataSource.query(`SELECT count(*)::int AS n FROM ${sql}`, params);
  return row.n;
}

/** A fingerprint of every table, timestamps and versions included: equal only if nothing was written. */
async function fingerprint(): Promise<string[]> {
  const tables = ['organization', 'org_unit', 'member', '"position"', 'assignment', 'field_visit'];
  return Promise.all(
    tables.map(async (table) => {
      const [row]: { hash: string }[] = await dataSource.query(
        `SELECT md5(coalesce(string_agg(t::text, ',' ORDER BY t.id), '')) AS hash FROM ${table} t`,
      );
      return row.hash;
    }),
  );
}

describe('seedMembership', () => {
  it('writes both demo organisations and reports what it wrote', async () => {
    expect(summary).toEqual({
      organizations: 2,
      units: 1 + 6 + 18 + 75 + 20 + 80 + 2000 + 1 + 13 + 68,
      members: 3000,
      positions: expect.any(Number),
      assignments: 16,
      fieldVisits: 150,
      alreadySeeded: false,
    });
    expect(summary.positions).toBe(await count('"position"'));
    expect(messages).toEqual(expect.arrayContaining(['seed: LSP units 2,200', 'seed: LSP members 2,400', 'seed: DTN-PT members 600']));
  });

  it('builds the real Uttar Pradesh tree and the demo districts below it', async () => {
    const byLevel = async (organizationId: string, root: string, level: string) =>
      count('org_unit WHERE organization_id = $1 AND path[1] = $2 AND level = $3', [organizationId, root, level]);
    expect(await byLevel(UP_PARTY_ID, UP_STATE, 'region')).toBe(6);
    expect(await byLevel(UP_PARTY_ID, UP_STATE, 'division')).toBe(18);
    expect(await byLevel(UP_PARTY_ID, UP_STATE, 'district')).toBe(75);
    expect(await byLevel(UP_PARTY_ID, UP_STATE, 'vidhan_sabha')).toBe(20);
    expect(await byLevel(UP_PARTY_ID, UP_STATE, 'mandal')).toBe(80);
    expect(await byLevel(UP_PARTY_ID, UP_STATE, 'booth')).toBe(2000);
    expect(await byLevel(PHU_THO_UNION_ID, PHU_THO_PROVINCE, 'district')).toBe(13);
    const lucknow: { name: string; name_latin: string; children: number }[] = await dataSource.query(
      `SELECT u.name, u.name_latin, (SELECT count(*)::int FROM org_unit c WHERE c.parent_id = u.id) AS children
         FROM org_unit u WHERE u.id = $1`,
      [unitSeedId('LSP', 'UP-D-LUCKNOW')],
    );
    expect(lucknow).toEqual([{ name: 'लखनऊ', name_latin: 'Lucknow', children: 5 }]);
    const vietTri: { name: string }[] = await dataSource.query('SELECT name FROM org_unit WHERE id = $1', [
      unitSeedId('DTN-PT', 'PT-THANH-PHO-VIET-TRI'),
    ]);
    expect(vietTri).toEqual([{ name: 'Thành phố Việt Trì' }]);
  });

  it('gives every unit a path from its root down to itself, below a higher level, with derived names', async () => {
    const units: {
      id: string;
      organization_id: string;
      parent_id: string | null;
      level: string;
      name: string;
      name_latin: string;
      path: string[];
      search_key: string;
    }[] = await dataSource.query('SELECT id, organization_id, parent_id, level, name, name_latin, path, search_key FROM org_unit');
    const organizations = await dataSource.getRepository(Organization).find();
    const rank = (organizationId: string, level: string) =>
      organizations.find((o) => o.id === organizationId)!.unitLevels.find((l) => l.key === level)!.rank;
    const byId = new Map(units.map((unit) => [unit.id, unit]));
    const roots = new Map(units.filter((unit) => unit.parent_id === null).map((unit) => [unit.organization_id, unit.id]));
    expect([...roots.values()].sort()).toEqual([UP_STATE, PHU_THO_PROVINCE].sort());
    for (const unit of units) {
      expect(unit.path[unit.path.length - 1]).toBe(unit.id);
      expect(unit.path[0]).toBe(roots.get(unit.organization_id));
      if (unit.parent_id) {
        const parent = byId.get(unit.parent_id)!;
        expect(unit.path).toEqual([...parent.path, unit.id]);
        expect(rank(unit.organization_id, unit.level)).toBeGreaterThan(rank(parent.organization_id, parent.level));
      }
      expect(unit.search_key).toBe(searchKey(`${unit.name} ${unit.name_latin}`));
    }
  });

  it('has members findable by Latin spelling, with valid E.164 phones and derived names', async () => {
    const members: { full_name: string; full_name_latin: string; search_key: string; phone: string | null; organization_id: string }[] =
      await dataSource.query('SELECT full_name, full_name_latin, search_key, phone, organization_id FROM member');
    expect(members.filter((m) => m.organization_id === UP_PARTY_ID)).toHaveLength(2400);
    expect(members.filter((m) => m.organization_id === PHU_THO_UNION_ID)).toHaveLength(600);
    expect(members.some((m) => m.full_name === 'संजय राय')).toBe(true);
    expect(members.filter((m) => m.full_name === 'Nguyễn Thanh Tâm')).toHaveLength(1);
    expect(members.some((m) => m.search_key.includes(searchKey('sanjay')))).toBe(true);
    for (const member of members) {
      expect(member.full_name_latin).toBe(toLatin(member.full_name));
      expect(member.search_key).toBe(searchKey(`${member.full_name} ${member.full_name_latin}`));
      if (member.phone) {
        const phone = parsePhoneNumberWithError(member.phone);
        expect({ phone: member.phone, valid: phone.isValid() }).toEqual({ phone: phone.number, valid: true });
        expect(phone.country).toBe(member.organization_id === UP_PARTY_ID ? 'IN' : 'VN');
      }
    }
    expect(members.filter((m) => m.phone).length).toBeGreaterThan(2700);
  });

  it('numbers members uniquely and continues the sequence after the highest number', async () => {
    const rows: { short_name: string; member_sequence: number; numbers: string[] }[] = await dataSource.query(
      `SELECT o.short_name, o.member_sequence, array_agg(m.membership_number) AS numbers
         FROM organization o JOIN member m ON m.organization_id = o.id GROUP BY o.id ORDER BY o.short_name`,
    );
    expect(rows.map((row) => row.short_name)).toEqual(['DTN-PT', 'LSP']);
    for (const row of rows) {
      const prefix = row.short_name.replace(/[^A-Z0-9]/g, '');
      expect(new Set(row.numbers).size).toBe(row.numbers.length);
      for (const number of row.numbers) expect(number).toMatch(new RegExp(`^${prefix}-\\d{7}$`));
      expect(row.member_sequence).toBe(Math.max(...row.numbers.map((number) => Number(number.slice(prefix.length + 1)))));
    }
  });

  it('dates nothing in the future, and office terms, assignments and visits consistently', async () => {
    expect(
      await count(
        `member WHERE joined_on > $1 OR date_of_birth > $1 OR joined_on < '2005-01-01' OR joined_on < date_of_birth + interval '16 years'`,
        [today()],
      ),
    ).toBe(0);
    expect(await count(`"position" WHERE starts_on > $1 OR ends_on > $1`, [today()])).toBe(0);
    expect(await count(`"position" p JOIN member m ON m.id = p.member_id WHERE p.starts_on < m.joined_on`)).toBe(0);
    expect(await count(`"position" WHERE ends_on IS NOT NULL`)).toBeGreaterThanOrEqual(3);
    expect(await count(`"position" WHERE title = 'CONVENOR' AND label = 'IT department convenor' AND unit_id = $1`, [UP_STATE])).toBe(1);
    expect(await count(`"position" WHERE title = 'CO_CONVENOR' AND ends_on IS NULL AND unit_id = $1`, [UP_STATE])).toBe(2);
    // Every visit is in 2020, by a cadre assigned then to the visited unit's district.
    expect(
      await count(
        `field_visit v WHERE v.visited_on NOT BETWEEN '2020-01-01' AND '2020-12-31'
            OR NOT EXISTS (SELECT 1 FROM assignment a JOIN org_unit u ON u.path @> ARRAY[a.unit_id]
                            WHERE a.cadre_id = v.cadre_id AND u.id = v.unit_id
                              AND v.visited_on >= a.starts_on AND (a.ends_on IS NULL OR v.visited_on <= a.ends_on))`,
      ),
    ).toBe(0);
    const supervised: { name: string }[] = await dataSource.query(
      `SELECT DISTINCT u.name FROM assignment a JOIN org_unit u ON u.id = a.unit_id WHERE u.level = 'district' ORDER BY u.name`,
    );
    expect(supervised).toHaveLength(13);
    expect(supervised.map((row) => row.name)).toEqual(expect.arrayContaining(['Thành phố Việt Trì', 'Thanh Thủy', 'Tân Sơn', 'Cẩm Khê']));
  });

  it('builds the same data on every run', () => {
    expect(buildUpParty()).toEqual(buildUpParty());
    expect(buildPhuThoUnion()).toEqual(buildPhuThoUnion());
  });

  it('changes nothing when run again', async () => {
    const before = await fingerprint();
    const again = await seedMembership(dataSource);
    expect(again).toEqual({ ...summary, alreadySeeded: true });
    expect(await fingerprint()).toEqual(before);
  });

  it('is found by the member search the API uses', async () => {
    const { members } = createMembershipServices(dataSource);
    const found = await (await members.query({ organizationId: UP_PARTY_ID, q: 'Sanjay Rai' })).getMany();
    expect(found.map((member) => member.fullName)).toContain('संजय राय');
    const tam = await (await members.query({ organizationId: PHU_THO_UNION_ID, q: 'nguyen thanh tam' })).getMany();
    expect(tam.map((member) => member.fullName)).toEqual(['Nguyễn Thanh Tâm']);
  });
});
