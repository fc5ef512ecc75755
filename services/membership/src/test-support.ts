import { startTestService, type Role, type TestService, type TestServiceOptions } from '@sangathan/common';
import { randomBytes } from 'node:crypto';
import { MEMBERSHIP_SERVICE } from './definition';
import { seedAccounts } from './seed/accounts';

export interface MembershipTestService extends TestService {
  /** The superadmin whose token `request` and `data` send by default. */
  admin: { email: string; password: string };
}

const LOGIN = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

/** Signs in and returns the access token (fails the test with the server's errors otherwise). */
export async function signIn(service: TestService, email: string, password: string): Promise<string> {
  const { login } = await service.data<{ login: { accessToken: string } }>(LOGIN, { email, password }, { token: null });
  return login.accessToken;
}

/**
 * The membership subgraph over real HTTP on a random port, with a fresh migrated database and a
 * superadmin signed in: every request carries its token unless told otherwise.
 */
export async function startMembershipTestService(label = 'membership', options: TestServiceOptions = {}): Promise<MembershipTestService> {
  const service = await startTestService(MEMBERSHIP_SERVICE, label, options);
  const admin = { email: 'superadmin@sangathan.test', password: `Test-${randomBytes(9).toString('base64url')}` };
  await seedAccounts(service.dataSource, { adminEmail: admin.email, adminPassword: admin.password });
  service.token = await signIn(service, admin.email, admin.password);
  return Object.assign(service, { admin });
}

export const TEST_PASSWORD = 'Test-Password-2026';

/**
 * A new account of this role and scope unit, created by the superadmin, and its access token: for
 * tests that act as someone with less access.
 */
export async function accountToken(
  service: TestService,
  role: Role,
  scopeUnitId: string | null,
  email = `${role.toLowerCase()}.${randomBytes(4).toString('hex')}@sangathan.test`,
): Promise<{ id: string; email: string; token: string }> {
  const { createAccount } = await service.data<{ createAccount: { id: string } }>(
    `mutation ($input: AccountInput!) { createAccount(input: $input) { id } }`,
    { input: { email, displayName: `${role} ${email}`, password: TEST_PASSWORD, role, scopeUnitId } },
  );
  return { id: createAccount.id, email, token: await signIn(service, email, TEST_PASSWORD) };
}

export const UP_LEVELS = [
  { key: 'state', label: 'State', rank: 0 },
  { key: 'region', label: 'Region', rank: 1 },
  { key: 'district', label: 'District', rank: 3 },
  { key: 'vidhan_sabha', label: 'Vidhan Sabha', rank: 5 },
  { key: 'mandal', label: 'Mandal', rank: 7 },
  { key: 'booth', label: 'Booth', rank: 9 },
];

type Ids = { id: string };

/** A small party tree for tests: state → 2 regions → 2 districts each → 1 mandal → 2 booths. */
export async function createPartyFixture(service: MembershipTestService, suffix: string) {
  const { createOrganization: organization } = await service.data<{ createOrganization: Ids }>(
    `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id } }`,
    { input: { name: `Test Party ${suffix}`, shortName: `TP${suffix}`, country: 'IN', defaultLocale: 'hi', unitLevels: UP_LEVELS } },
  );
  const createUnit = async (level: string, name: string, code: string, parentId?: string) => {
    const { createOrgUnit } = await service.data<{ createOrgUnit: Ids }>(
      `mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
      { input: { organizationId: organization.id, level, name, code, parentId } },
    );
    return createOrgUnit.id;
  };
  const state = await createUnit('state', 'उत्तर प्रदेश', 'UP');
  const regions: string[] = [];
  const districts: string[] = [];
  const mandals: string[] = [];
  const booths: string[] = [];
  for (const r of [1, 2]) {
    const region = await createUnit('region', `क्षेत्र ${r}`, `R${r}`, state);
    regions.push(region);
    for (const d of [1, 2]) {
      const district = await createUnit('district', `जिला ${r}${d}`, `R${r}-D${d}`, region);
      districts.push(district);
      const mandal = await createUnit('mandal', `मंडल ${r}${d}`, `R${r}-D${d}-M1`, district);
      mandals.push(mandal);
      for (const b of [1, 2]) booths.push(await createUnit('booth', `बूथ ${r}${d}${b}`, `R${r}-D${d}-M1-B${b}`, mandal));
    }
  }
  return { organizationId: organization.id, state, regions, districts, mandals, booths };
}

export async function createMember(service: MembershipTestService, input: Record<string, unknown>): Promise<string> {
  const { createMember: member } = await service.data<{ createMember: Ids }>(
    `mutation ($input: MemberInput!) { createMember(input: $input) { id } }`,
    { input },
  );
  return member.id;
}

/** A provincial youth union (case 3): Phú Thọ → districts → communes. */
export async function createProvincialUnion(service: MembershipTestService, suffix: string) {
  const { createOrganization: organization } = await service.data<{ createOrganization: { id: string } }>(
    `mutation ($input: OrganizationInput!) { createOrganization(input: $input) { id } }`,
    {
      input: {
        name: `Tỉnh đoàn Phú Thọ ${suffix}`,
        shortName: `PT${suffix}`,
        country: 'VN',
        defaultLocale: 'vi',
        unitLevels: [
          { key: 'province', label: 'Tỉnh', rank: 0 },
          { key: 'district', label: 'Huyện', rank: 1 },
          { key: 'commune', label: 'Xã', rank: 2 },
        ],
      },
    },
  );
  const createUnit = async (level: string, name: string, code: string, parentId?: string) => {
    const { createOrgUnit } = await service.data<{ createOrgUnit: { id: string } }>(
      `mutation ($input: OrgUnitInput!) { createOrgUnit(input: $input) { id } }`,
      { input: { organizationId: organization.id, level, name, code, parentId } },
    );
    return createOrgUnit.id;
  };
  const province = await createUnit('province', 'Phú Thọ', 'PT');
  const vietTri = await createUnit('district', 'Thành phố Việt Trì', 'PT-VT', province);
  const thanhThuy = await createUnit('district', 'Huyện Thanh Thủy', 'PT-TT', province);
  const tanSon = await createUnit('district', 'Huyện Tân Sơn', 'PT-TS', province);
  const camKhe = await createUnit('district', 'Huyện Cẩm Khê', 'PT-CK', province);
  const dongLuan = await createUnit('commune', 'Xã Đồng Luận', 'PT-TT-DL', thanhThuy);
  const kietSon = await createUnit('commune', 'Xã Kiệt Sơn', 'PT-TS-KS', tanSon);
  return { organizationId: organization.id, province, vietTri, thanhThuy, tanSon, camKhe, dongLuan, kietSon };
}
