/// <reference lib="dom" />
import { startConsoleHarness, type ConsoleHarness } from './browser';
import { waitFor } from './ui';

/** The console as a whole: languages and number formats, the dashboard, a phone-sized screen, the playground. */
describe('console: languages, dashboard, phone, playground', () => {
  let h: ConsoleHarness;

  beforeAll(async () => {
    h = await startConsoleHarness('console');
  }, 180000);
  afterAll(async () => {
    await h?.stop();
  });

  const bodyText = () => h.page.locator('body').innerText();

  test('the dashboard shows charts and figures in the Indian digit grouping', async () => {
    const { page } = h;
    await h.open('#/');
    await page.locator('.recharts-surface').first().waitFor();
    // The campaign's target of 200,000 trainees, grouped the Indian way.
    await page
      .getByText(/2,00,000/)
      .first()
      .waitFor();
    await h.shot('dashboard-en');
  });

  test('switches to Hindi and to Vietnamese, labels and numbers follow', async () => {
    const { page } = h;
    await h.open('#/members');
    await page.getByText('Membership').first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menuitem', { name: 'हिन्दी' }).click();
    await page.getByText('सदस्यता').first().waitFor();
    await waitFor(async () => !(await bodyText()).includes('Membership'), 'no English menu left');
    // The list's total is grouped too (the demo party has a few thousand members).
    await waitFor(async () => /\d,\d{3}/.test(await page.locator('.MuiTablePagination-displayedRows').innerText()), 'total as 2,4xx');
    await h.shot('members-hi');
    await h.open('#/');
    await page
      .getByText(/2,00,000/)
      .first()
      .waitFor();
    await h.shot('dashboard-hi');

    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await page.getByRole('menuitem', { name: 'Tiếng Việt' }).click();
    await page.getByText('Hội viên').first().waitFor();
    // Vietnamese groups thousands with dots.
    await page
      .getByText(/200\.000/)
      .first()
      .waitFor();
    await h.shot('dashboard-vi');
    await h.open('#/members');
    await page.locator('tbody tr').first().waitFor();
    await waitFor(async () => /\d\.\d{3}/.test(await page.locator('.MuiTablePagination-displayedRows').innerText()), 'total as 2.4xx');
    await h.shot('members-vi');
    expect(await bodyText()).not.toMatch(/\bMembers\b/);

    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByText('Membership').first().waitFor();
  });

  test('is usable on a phone-sized screen', async () => {
    const { page } = h;
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await h.open('#/members');
      // Phones get a simple list (one line per member, no table) that still links to each record.
      await page.locator('a[href*="#/members/"]').first().waitFor();
      expect(await page.locator('table').count()).toBe(0);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await h.shot('members-phone');
      await h.open('#/');
      await page.locator('.recharts-surface').first().waitFor();
      await h.shot('dashboard-phone');
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  test('works with introspection off on the gateway: the schema comes with the console and the playground', async () => {
    const { page } = h;
    // The harness's gateway runs as deployed: introspection off.
    const refused = await h.system.request('{ __schema { queryType { name } } }');
    expect(refused.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');

    const sent: string[] = [];
    const record = (request: { url(): string; postData(): string | null }) => {
      if (new URL(request.url()).pathname === '/graphql') sent.push(request.postData() ?? '');
    };
    page.on('request', record);
    try {
      await h.open('#/members');
      await page.locator('tbody tr').first().waitFor();
      // Choices from an enum of the schema (MeetingKind), as the console reads it.
      await h.open('#/meetings/create');
      await page.getByLabel('Kind *').click();
      await page.getByRole('option', { name: 'Workshop' }).waitFor();
      await page.keyboard.press('Escape');
      // The playground's documentation pane lists the schema's root fields.
      await page.goto(`${h.system.gatewayBase}/playground`);
      await page.getByRole('button', { name: /documentation explorer/i }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
      await page.locator('.graphiql-doc-explorer').getByText('trainingCampaigns', { exact: true }).first().waitFor();
      await h.shot('playground-docs');
    } finally {
      page.off('request', record);
    }
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((body) => /__schema|__type\b|IntrospectionQuery/.test(body))).toEqual([]);
  });

  test('the playground runs an example query, loading nothing from another origin', async () => {
    const { page } = h;
    const origins = new Set<string>();
    const record = (request: { url(): string }) => {
      const url = new URL(request.url());
      if (url.protocol.startsWith('http')) origins.add(url.origin);
    };
    page.on('request', record);
    try {
      await page.goto(`${h.system.gatewayBase}/playground`);
      const run = page.locator('.graphiql-execute-button');
      await run.waitFor();
      // The editor loads after the button (and after the session is restored): run only once the query is there.
      await waitFor(
        async () => (await page.locator('.graphiql-query-editor').innerText()).includes('MemberRecord'),
        'the example in the editor',
      );
      await h.shot('playground');
      await run.click();
      await waitFor(async () => (await page.locator('.graphiql-response').innerText()).includes('"data"'), 'a result in the response pane');
      expect(await page.locator('.graphiql-response').innerText()).not.toContain('"errors"');
      await h.shot('playground-result');
    } finally {
      page.off('request', record);
    }
    expect([...origins]).toEqual([h.system.gatewayBase]);
  });
});
