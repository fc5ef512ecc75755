import { graphqlExchange, setServiceLimits } from '@sangathan/common';
import { limitsWith, type LimitsConfig } from '@sangathan/gateway';
import { accountToken, createMember, createPartyFixture, TEST_PASSWORD } from '@sangathan/membership/test-support';
import { Lexer, Source, TokenKind } from 'graphql';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { startGatewayOver, startTestSystem, type TestSystem } from './support';

// Low bounds for this file's services (each jest file has its own copy of @sangathan/common), so a
// test reaches them with a handful of records; the offset cap keeps its default.
const MAX_ROLLUP_UNITS = 4;
// 6: an organisation's unit levels in the fixture are a list of 6 too.
const MAX_BULK_ITEMS = 6;
setServiceLimits({ maxRollupUnits: MAX_ROLLUP_UNITS, maxBulkItems: MAX_BULK_ITEMS });

let system: TestSystem;
let tree: Awaited<ReturnType<typeof createPartyFixture>>;
beforeAll(async () => {
  system = await startTestSystem('limits');
  tree = await createPartyFixture(system.membership, 'L');
});
afterAll(() => system.stop());

/** Forwards to a subgraph and counts the GraphQL requests it passes on (credential checks go to other paths). */
async function countingProxy(target: string) {
  const counter = { graphql: 0 };
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', target);
    if (url.pathname === '/graphql') counter.graphql++;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const headers = Object.fromEntries(
      Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name)),
    ) as Record<string, string>;
    const response = await fetch(url, {
      method: req.method,
      headers,
      body: req.method === 'GET' || req.method === 'HEAD' ? undefined : Buffer.concat(chunks),
    });
    const cookies = response.headers.getSetCookie();
    const passed = [...response.headers].filter(
      ([name]) => !['set-cookie', 'content-length', 'content-encoding', 'transfer-encoding'].includes(name),
    );
    res.writeHead(response.status, [...passed, ...cookies.map((cookie) => ['set-cookie', cookie])].flat());
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`,
    counter,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface LimitedGateway {
  url: string;
  /** GraphQL requests that reached any subgraph through this gateway. */
  subgraphCalls(): number;
  stop(): Promise<void>;
}

/** Another gateway over the same subgraphs, with its own limits, counting what it asks the subgraphs. */
async function startLimitedGateway(limits: LimitsConfig): Promise<LimitedGateway> {
  const proxies = {
    membership: await countingProxy(system.membership.url),
    itcell: await countingProxy(system.itcell.url),
    training: await countingProxy(system.training.url),
  };
  const gateway = await startGatewayOver(system, {
    subgraphUrls: { membership: proxies.membership.url, itcell: proxies.itcell.url, training: proxies.training.url },
    limits,
  });
  return {
    url: gateway.url,
    subgraphCalls: () => Object.values(proxies).reduce((sum, proxy) => sum + proxy.counter.graphql, 0),
    stop: async () => {
      await gateway.stop();
      for (const proxy of Object.values(proxies)) await proxy.stop();
    },
  };
}

type Exchange = Awaited<ReturnType<typeof graphqlExchange>>;
const codeOf = (exchange: Exchange) => exchange.body.errors?.[0]?.extensions?.code;

describe('operation limits at the gateway', () => {
  const LOW = { maxTokens: 80, maxDepth: 4, maxAliases: 2, maxDirectives: 2, maxRootFields: 3, maxCost: 201 };
  let gateway: LimitedGateway;
  beforeAll(async () => {
    gateway = await startLimitedGateway(limitsWith({ operations: LOW }));
  });
  afterAll(() => gateway.stop());

  const ask = (query: string, variables?: Record<string, unknown>) =>
    graphqlExchange(gateway.url, query, variables, { token: system.token });

  /** The operation at the bound is answered; the one past it is 400 with the code, and no subgraph was asked for it. */
  async function expectBound(atBound: string, pastBound: string, code: string, message: RegExp, variables?: Record<string, unknown>) {
    const start = gateway.subgraphCalls();
    const answered = await ask(atBound, variables);
    expect(answered.body.errors).toBeUndefined();
    expect(answered.status).toBe(200);
    // The counter sees what an answered operation asks.
    const before = gateway.subgraphCalls();
    expect(before).toBeGreaterThan(start);
    const refused = await ask(pastBound, variables);
    expect(refused.status).toBe(400);
    expect(refused.body.data).toBeUndefined();
    expect(refused.body.errors).toHaveLength(1);
    expect(refused.body.errors![0].extensions?.code).toBe(code);
    expect(refused.body.errors![0].message).toMatch(message);
    expect(gateway.subgraphCalls()).toBe(before);
  }

  it('answers an operation at the depth limit and refuses one level deeper', async () => {
    await expectBound(
      '{ orgUnits(page: { limit: 1 }) { items { parent { id } } } }',
      '{ orgUnits(page: { limit: 1 }) { items { parent { parent { id } } } } }',
      'DEPTH_LIMIT_EXCEEDED',
      /5 levels deep; the limit is 4/,
    );
  });

  it('answers an operation at the alias limit and refuses one more alias', async () => {
    await expectBound(
      '{ a: organizations(page: { limit: 1 }) { total } b: organizations(page: { limit: 1 }) { total } }',
      '{ a: organizations(page: { limit: 1 }) { total } b: organizations(page: { limit: 1 }) { total } c: organizations(page: { limit: 1 }) { total } }',
      'ALIAS_LIMIT_EXCEEDED',
      /3 aliases; the limit is 2/,
    );
  });

  it('answers an operation at the directive limit and refuses one more directive', async () => {
    await expectBound(
      'query ($y: Boolean!) { organizations(page: { limit: 1 }) { total @include(if: $y) nextCursor @include(if: $y) } }',
      'query ($y: Boolean!) { organizations(page: { limit: 1 }) { total @include(if: $y) nextCursor @include(if: $y) items @skip(if: $y) { id } } }',
      'DIRECTIVE_LIMIT_EXCEEDED',
      /3 directives; the limit is 2/,
      { y: true },
    );
  });

  it('answers an operation at the root field limit and refuses one more root field', async () => {
    await expectBound(
      '{ me { id } organizations(page: { limit: 1 }) { total } orgUnits(page: { limit: 1 }) { total } }',
      '{ me { id } organizations(page: { limit: 1 }) { total } orgUnits(page: { limit: 1 }) { total } members(page: { limit: 1 }) { total } }',
      'ROOT_FIELD_LIMIT_EXCEEDED',
      /4 root fields; the limit is 3/,
    );
  });

  it('answers a document at the token limit and refuses one token more, before parsing it', async () => {
    // `{ me { id … } }`: 5 tokens around the ids, so 75 ids make 80 tokens.
    const withIds = (count: number) => `{ me { ${Array.from({ length: count }, () => 'id').join(' ')} } }`;
    const tokens = (query: string) => {
      const lexer = new Lexer(new Source(query));
      let count = 0;
      while (lexer.advance().kind !== TokenKind.EOF) count++;
      return count;
    };
    expect([tokens(withIds(75)), tokens(withIds(76))]).toEqual([80, 81]);
    await expectBound(withIds(75), withIds(76), 'TOKEN_LIMIT_EXCEEDED', /more than 80 tokens/);
    // A document over the limit is refused whatever else is wrong with it: it is not parsed.
    const unparsable = await ask(`${withIds(76)} }}}`);
    expect([unparsable.status, codeOf(unparsable)]).toEqual([400, 'TOKEN_LIMIT_EXCEEDED']);
  });

  it('counts a page by its limit: answers the cost limit and refuses a page one row longer', async () => {
    // members 1 + limit × (items 1 + id 1): 201 at 100 rows, 203 at 101.
    const query = 'query ($page: PageInput) { members(page: $page) { items { id } } }';
    const answered = await ask(query, { page: { limit: 100 } });
    expect(answered.body.errors).toBeUndefined();
    const before = gateway.subgraphCalls();
    const refused = await ask(query, { page: { limit: 101 } });
    expect(refused.status).toBe(400);
    expect(refused.body.errors?.[0]).toMatchObject({
      message: expect.stringContaining('costs 203; the limit is 201'),
      extensions: { code: 'COST_LIMIT_EXCEEDED', limit: 201, found: 203 },
    });
    expect(gateway.subgraphCalls()).toBe(before);
    // Without a limit a page has 25 rows, and nested pages multiply: 1 + 25 × (1 + 1 + 25 × 1) = 676.
    const nested = await ask('{ orgUnits { items { children { total } } } }');
    expect([nested.status, codeOf(nested)]).toEqual([400, 'COST_LIMIT_EXCEEDED']);
  });

  it('lets the default limits through the console’s own kind of request', async () => {
    const page = await graphqlExchange(
      system.gatewayUrl,
      'query ($page: PageInput) { members(page: $page) { items { id fullName unit { id name } } total nextCursor } }',
      { page: { limit: 500 } },
      { token: system.token },
    );
    expect(page.status).toBe(200);
    expect(page.body.errors).toBeUndefined();
  });
});

describe('rate limits at the gateway', () => {
  const RATES = { windowSeconds: 60, perAccount: 3, perPartnerToken: 3, perAddress: 3 };
  let gateway: LimitedGateway;
  beforeAll(async () => {
    gateway = await startLimitedGateway(limitsWith({ rates: RATES }));
  });
  afterAll(() => gateway.stop());

  const QUERY = '{ organizations(page: { limit: 1 }) { total } }';

  function expectRateLimited(exchange: Exchange, kind: string) {
    expect(exchange.status).toBe(429);
    const retryAfter = Number(exchange.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(RATES.windowSeconds);
    expect(exchange.body.errors).toHaveLength(1);
    expect(exchange.body.errors![0]).toMatchObject({
      message: expect.stringContaining(`Too many requests for this ${kind}: the limit is 3 per 60 s`),
      extensions: { code: 'RATE_LIMITED', retryAfterSeconds: retryAfter },
    });
  }

  it('answers an account up to its limit, then 429 with Retry-After, without asking a subgraph; another account goes on', async () => {
    const first = await accountToken(system.membership, 'VIEWER', tree.state);
    const second = await accountToken(system.membership, 'VIEWER', tree.state);
    for (let i = 0; i < RATES.perAccount; i++) {
      expect((await graphqlExchange(gateway.url, QUERY, undefined, { token: first.token })).status).toBe(200);
    }
    const before = gateway.subgraphCalls();
    expectRateLimited(await graphqlExchange(gateway.url, QUERY, undefined, { token: first.token }), 'account');
    expect(gateway.subgraphCalls()).toBe(before);
    const other = await graphqlExchange(gateway.url, QUERY, undefined, { token: second.token });
    expect(other.status).toBe(200);
    expect(other.body.errors).toBeUndefined();
  });

  it('limits each partner token on its own', async () => {
    const create = () =>
      system.data<{ createPartnerToken: { secret: string } }>(
        `mutation ($input: PartnerTokenInput!) { createPartnerToken(input: $input) { secret } }`,
        { input: { name: 'App', scopeUnitId: tree.state, scopes: ['members:read'] } },
      );
    const [app, otherApp] = [(await create()).createPartnerToken.secret, (await create()).createPartnerToken.secret];
    const members = '{ members(page: { limit: 1 }) { total } }';
    for (let i = 0; i < RATES.perPartnerToken; i++) {
      expect((await graphqlExchange(gateway.url, members, undefined, { token: app })).status).toBe(200);
    }
    expectRateLimited(await graphqlExchange(gateway.url, members, undefined, { token: app }), 'partner token');
    expect((await graphqlExchange(gateway.url, members, undefined, { token: otherApp })).status).toBe(200);
  });

  it('limits requests without credentials (sign-in) and with bad ones by client address, not signed-in accounts', async () => {
    const viewer = await accountToken(system.membership, 'VIEWER', tree.state);
    const login = `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;
    const signIn = () => graphqlExchange(gateway.url, login, { email: viewer.email, password: TEST_PASSWORD });
    expect((await signIn()).status).toBe(200);
    expect((await signIn()).status).toBe(200);
    // A bad token counts for the address too.
    expect((await graphqlExchange(gateway.url, QUERY, undefined, { token: 'not-a-token' })).status).toBe(401);
    const before = gateway.subgraphCalls();
    expectRateLimited(await signIn(), 'address');
    expectRateLimited(await graphqlExchange(gateway.url, QUERY, undefined, { token: 'not-a-token' }), 'address');
    expect(gateway.subgraphCalls()).toBe(before);
    // The same address, signed in, counts for its account only.
    expect((await graphqlExchange(gateway.url, QUERY, undefined, { token: viewer.token })).status).toBe(200);
  });
});

describe('bounds in the services', () => {
  const fieldsOf = (exchange: Exchange) => {
    expect(exchange.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    return exchange.body.errors![0].extensions!.fields as Record<string, string>;
  };
  const ask = (query: string, variables?: Record<string, unknown>) =>
    graphqlExchange(system.gatewayUrl, query, variables, { token: system.token });

  it('caps page.offset at 10,000: deeper pages are read with page.after', async () => {
    const query = 'query ($offset: Int) { members(page: { limit: 5, offset: $offset }) { items { id } } }';
    const atBound = await ask(query, { offset: 10_000 });
    expect(atBound.body.errors).toBeUndefined();
    expect(atBound.body.data).toEqual({ members: { items: [] } });
    expect(fieldsOf(await ask(query, { offset: 10_001 }))).toEqual({
      'page.offset': 'must be at most 10000; page further with page.after (the nextCursor of the previous page)',
    });
  });

  it('bounds a training roll-up by unit to MAX_ROLLUP_UNITS units', async () => {
    const { createTrainingCampaign: campaign } = await system.data<{ createTrainingCampaign: { id: string } }>(
      `mutation ($input: TrainingCampaignInput!) { createTrainingCampaign(input: $input) { id } }`,
      { input: { unitId: tree.state, name: 'अभियान', startsOn: '2021-08-01', endsOn: '2021-12-31', targetCamps: 10, targetTrainees: 100 } },
    );
    const query = `query ($id: ID!, $level: String!) { trainingCampaign(id: $id) { progressByUnit(level: $level) { unitId } } }`;
    // 4 districts: at the bound.
    const districts = await ask(query, { id: campaign.id, level: 'district' });
    expect(districts.body.errors).toBeUndefined();
    expect((districts.body.data as { trainingCampaign: { progressByUnit: unknown[] } }).trainingCampaign.progressByUnit).toHaveLength(
      MAX_ROLLUP_UNITS,
    );
    // 8 booths: past it.
    expect(fieldsOf(await ask(query, { id: campaign.id, level: 'booth' }))).toEqual({
      level: `covers 8 units at level "booth"; a roll-up answers at most ${MAX_ROLLUP_UNITS}: choose a higher level`,
    });
  });

  it('bounds an outreach drive’s roll-up by unit the same way', async () => {
    const { createOutreachDrive: drive } = await system.data<{ createOutreachDrive: { id: string } }>(
      `mutation ($input: OutreachDriveInput!) { createOutreachDrive(input: $input) { id } }`,
      { input: { kind: 'APP_ONBOARDING', name: 'ऐप जोड़ो अभियान', unitId: tree.state, startsOn: '2018-07-01', endsOn: '2018-09-30' } },
    );
    const query = `query ($id: ID!, $level: String!) { outreachDrive(id: $id) { progressByUnit(level: $level) { unitId } } }`;
    expect((await ask(query, { id: drive.id, level: 'mandal' })).body.errors).toBeUndefined();
    expect(fieldsOf(await ask(query, { id: drive.id, level: 'booth' }))).toHaveProperty('level');
  });

  it('deletes MAX_BULK_ITEMS members in one call and refuses one more, deleting none', async () => {
    const newMembers = (count: number) =>
      Promise.all(
        Array.from({ length: count }, (_, index) =>
          createMember(system.membership, { organizationId: tree.organizationId, fullName: `सदस्य ${index}`, unitId: tree.booths[0] }),
        ),
      );
    const live = async (ids: string[]) =>
      Number(
        (await system.membership.dataSource.query('SELECT count(*) AS n FROM member WHERE id = ANY($1) AND deleted_at IS NULL', [ids]))[0]
          .n,
      );
    const deleteMembers = 'mutation ($ids: [ID!]!) { deleteMembers(ids: $ids) { id } }';

    const six = await newMembers(MAX_BULK_ITEMS);
    const deleted = await ask(deleteMembers, { ids: six });
    expect(deleted.body.errors).toBeUndefined();
    expect(await live(six)).toBe(0);

    const seven = await newMembers(MAX_BULK_ITEMS + 1);
    expect(fieldsOf(await ask(deleteMembers, { ids: seven }))).toEqual({ ids: 'at most 6 items in one request, got 7' });
    expect(await live(seven)).toBe(7);
  });

  it('refuses an over-long list of enrolments, of targets, and inside an input, changing nothing', async () => {
    const members = await Promise.all(
      Array.from({ length: MAX_BULK_ITEMS + 1 }, (_, index) =>
        createMember(system.membership, { organizationId: tree.organizationId, fullName: `प्रशिक्षु ${index}`, unitId: tree.districts[0] }),
      ),
    );
    const counts = async () => ({
      enrollments: Number((await system.training.dataSource.query('SELECT count(*) AS n FROM enrollment'))[0].n),
      targets: Number((await system.itcell.dataSource.query('SELECT count(*) AS n FROM drive_target'))[0].n),
      meetings: Number((await system.itcell.dataSource.query('SELECT count(*) AS n FROM meeting'))[0].n),
    });
    const before = await counts();

    // An unknown camp: the list is refused before the camp is even looked up.
    const enrol = await ask('mutation ($camp: ID!, $ids: [ID!]!) { enrollMembers(campId: $camp, memberIds: $ids) { id } }', {
      camp: '00000000-0000-4000-8000-000000000000',
      ids: members,
    });
    expect(fieldsOf(enrol)).toEqual({ memberIds: 'at most 6 items in one request, got 7' });

    const { createOutreachDrive: drive } = await system.data<{ createOutreachDrive: { id: string } }>(
      `mutation ($input: OutreachDriveInput!) { createOutreachDrive(input: $input) { id } }`,
      { input: { kind: 'APP_ONBOARDING', name: 'लक्ष्य', unitId: tree.state, startsOn: '2018-07-01', endsOn: '2018-09-30' } },
    );
    const targets = tree.booths.slice(0, MAX_BULK_ITEMS + 1).map((unitId) => ({ unitId, target: 10 }));
    const setTargets = 'mutation ($id: ID!, $t: [DriveTargetInput!]!) { setDriveTargets(driveId: $id, targets: $t) { id } }';
    expect(fieldsOf(await ask(setTargets, { id: drive.id, t: targets }))).toEqual({ targets: 'at most 6 items in one request, got 7' });
    expect((await ask(setTargets, { id: drive.id, t: targets.slice(0, MAX_BULK_ITEMS) })).body.errors).toBeUndefined();

    const meeting = await ask('mutation ($input: MeetingInput!) { createMeeting(input: $input) { id } }', {
      input: { kind: 'WORKSHOP', title: 'कार्यशाला', unitId: tree.districts[0], startsAt: '2021-08-01T10:00:00Z', attendeeIds: members },
    });
    expect(fieldsOf(meeting)).toEqual({ 'input.attendeeIds': 'at most 6 items in one request, got 7' });

    expect(await counts()).toEqual({ ...before, targets: before.targets + MAX_BULK_ITEMS });
  });
});
