import { startConsoleHarness, TEST_PASSWORD, type ConsoleHarness } from './browser';
import { pickAutocomplete, pickSelect, waitFor } from './ui';

/**
 * Sign-in and roles through the console: the login page and its errors, sign-out, an editor who sees
 * only their district (the server decides; the console shows it), and a viewer who is offered no change.
 */
describe('console: sign-in and roles', () => {
  let h: ConsoleHarness;
  let lucknow: { id: string; name: string };
  let varanasi: { id: string; name: string };

  const district = async (latin: string) => {
    const { orgUnits } = await h.data<{ orgUnits: { items: { id: string; name: string }[] } }>(
      `query ($q: String!) { orgUnits(filter: { q: $q, levels: ["district"] }, page: { limit: 1 }) { items { id name } } }`,
      { q: latin },
    );
    return orgUnits.items[0];
  };

  /** The list's total as the pagination shows it ("1-25 of 1,200"). */
  const listTotal = async () => {
    const text = await h.page.locator('.MuiTablePagination-displayedRows').innerText();
    return Number(text.split(/\s/).pop()!.replace(/\D/g, ''));
  };

  beforeAll(async () => {
    h = await startConsoleHarness('auth', { signIn: false });
    lucknow = await district('Lucknow');
    varanasi = await district('Varanasi');
  }, 180000);
  afterAll(async () => {
    await h?.stop();
  });

  test('a wrong password is refused on the login page, which says so', async () => {
    const { page } = h;
    await h.open('#/members');
    // Not signed in: the console sends the browser to its login page.
    await page.getByLabel('Email').waitFor();
    expect(page.url()).toContain('#/login');
    await page.getByLabel('Email').fill(h.admin.email);
    await page.getByLabel('Password').fill('not-the-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('login-error').waitFor();
    expect(await page.getByTestId('login-error').innerText()).toContain('Wrong email or password');
    expect(page.url()).toContain('#/login');
    await h.shot('wrong-password');
  });

  test('the superadmin signs in, the app bar says who; signing out returns to the login page for good', async () => {
    const { page } = h;
    await h.signIn(h.admin);
    await page.getByTestId('account-scope').waitFor();
    expect(await page.getByTestId('account-scope').innerText()).toContain('Superadmin');
    // Admins get the access area.
    await page.getByRole('menuitem', { name: 'Accounts', exact: true }).waitFor();
    await page.getByRole('button', { name: 'Profile' }).click();
    await h.shot('account-menu');
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    expect(page.url()).toContain('#/login');
    // The refresh cookie is gone with the session: a fresh load is not signed in either.
    await h.open('#/members');
    await page.getByLabel('Email').waitFor();
    expect(page.url()).toContain('#/login');
  });

  test("a Lucknow district editor sees Lucknow's members only; another district's member is not found", async () => {
    const { page } = h;
    const editor = { email: 'lucknow.editor@test.example', password: TEST_PASSWORD };
    await h.createAccount({ email: editor.email, role: 'EDITOR', scopeUnitId: lucknow.id, displayName: 'Lucknow Editor' });
    const { all, inLucknow, elsewhere } = await h.data<{
      all: { total: number };
      inLucknow: { total: number };
      elsewhere: { items: { id: string }[] };
    }>(
      `query ($lucknow: ID!, $varanasi: ID!) {
        all: members { total }
        inLucknow: members(filter: { withinUnit: $lucknow }) { total }
        elsewhere: members(filter: { withinUnit: $varanasi }, page: { limit: 1 }) { items { id } }
      }`,
      { lucknow: lucknow.id, varanasi: varanasi.id },
    );
    expect(inLucknow.total).toBeGreaterThan(0);
    expect(inLucknow.total).toBeLessThan(all.total);

    await h.signIn(editor);
    expect(await page.getByTestId('account-scope').innerText()).toBe(`Editor · ${lucknow.name}`);
    await h.open(`#/members?filter=${encodeURIComponent('{}')}`);
    await page.locator('tbody tr').first().waitFor();
    await waitFor(async () => (await listTotal()) === inLucknow.total, `the list to count ${inLucknow.total} members`);
    // Editors write records: the list offers create and bulk delete, and phones are shown.
    expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(1);
    expect(await page.locator('thead').innerText()).toContain('Phone');
    // …but not accounts.
    expect(await page.getByRole('menuitem', { name: 'Accounts', exact: true }).count()).toBe(0);
    await h.shot('lucknow-editor-members');

    await h.open(`#/members/${elsewhere.items[0].id}/show`);
    await page.getByText('Element does not exist').first().waitFor();
    await h.shot('other-district-not-found');
  });

  test('a viewer is offered no create, edit or delete, and sees no phone numbers', async () => {
    const { page } = h;
    const viewer = { email: 'lucknow.viewer@test.example', password: TEST_PASSWORD };
    await h.createAccount({ email: viewer.email, role: 'VIEWER', scopeUnitId: lucknow.id, displayName: 'Lucknow Viewer' });
    await h.signIn(viewer);
    await h.open(`#/members?filter=${encodeURIComponent('{}')}`);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
    // No row selection (bulk delete) and no phone column.
    expect(await page.locator('tbody input[type="checkbox"]').count()).toBe(0);
    expect(await page.locator('thead').innerText()).not.toContain('Phone');
    await h.shot('viewer-members');

    // A row opens the record's page, which offers neither edit nor delete.
    await page.locator('tbody tr td').first().click();
    await waitFor(async () => /#\/members\/[^/]+\/show$/.test(page.url()), "the member's page");
    await page.getByText('Membership number').first().waitFor();
    expect(await page.getByRole('link', { name: 'Edit' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Delete' }).count()).toBe(0);
    await h.shot('viewer-member-show');

    // Other resources alike: a camp's page has no edit either.
    await h.open('#/camps');
    await page.locator('tbody tr').first().waitFor();
    expect(await page.getByRole('link', { name: 'Create' }).count()).toBe(0);
    expect(await page.locator('tbody input[type="checkbox"]').count()).toBe(0);
  });

  test('an admin creates an account, resets its password and deactivates it', async () => {
    const { page } = h;
    await h.signIn(h.admin);
    await h.open('#/accounts/create');
    await page.getByLabel('Name *').fill('Varanasi Editor');
    await page.getByLabel('Email *').fill('varanasi.editor@test.example');
    await page.getByLabel('Password *').fill(TEST_PASSWORD);
    await pickSelect(page, 'Role', 'Editor');
    await pickAutocomplete(page, 'Scope unit', 'Varanasi', varanasi.name);
    await h.shot('account-create');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Reset password' }).waitFor();
    const account = { email: 'varanasi.editor@test.example', password: TEST_PASSWORD };
    const { me } = await h.apiAs(account)<{ me: { role: string; scopeUnitId: string } }>(`{ me { role scopeUnitId } }`);
    expect(me).toEqual({ role: 'EDITOR', scopeUnitId: varanasi.id });

    // A password the server refuses is reported on the field; a good one works at the next sign-in.
    await page.getByRole('button', { name: 'Reset password' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('New password *', { exact: true }).fill('short');
    await dialog.getByLabel('New password again *').fill('short');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await waitFor(
      async () => (await dialog.getByLabel('New password *', { exact: true }).getAttribute('aria-invalid')) === 'true',
      'the field marked',
    );
    await h.shot('reset-password-refused');
    await dialog.getByLabel('New password *', { exact: true }).fill('Another-Password-2026');
    await dialog.getByLabel('New password again *').fill('Another-Password-2026');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await h.apiAs({ ...account, password: 'Another-Password-2026' })(`{ me { id } }`);

    await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await page.getByRole('button', { name: 'Activate', exact: true }).waitFor();
    await expect(h.apiAs({ ...account, password: 'Another-Password-2026' })(`{ me { id } }`)).rejects.toThrow(
      /UNAUTHENTICATED|wrong email or password/,
    );
  });

  test('an admin issues a partner token, sees its secret once, and revokes it', async () => {
    const { page } = h;
    await h.open('#/partnerTokens/create');
    await page.getByLabel('Name *').fill('Booth app (Lucknow)');
    await pickAutocomplete(page, 'Scope unit', 'Lucknow', lucknow.name);
    await page.getByRole('button', { name: 'Save' }).click();
    const secret = await page.getByTestId('token-secret').inputValue();
    expect(secret.length).toBeGreaterThan(20);
    await h.shot('token-secret');
    const asPartner = async () => {
      const response = await fetch(h.system.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${secret}` },
        body: JSON.stringify({ query: '{ members { total } }' }),
      });
      return { status: response.status, body: (await response.json()) as { data?: { members: { total: number } } } };
    };
    expect((await asPartner()).body.data?.members.total).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'I have copied it' }).click();
    // On to the token's page, which does not show the secret again.
    await page.getByRole('button', { name: 'Revoke' }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(secret);
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Confirm' }).click();
    // Revoked: the status says so and there is nothing left to revoke.
    await page.getByRole('button', { name: 'Revoke' }).waitFor({ state: 'hidden' });
    await h.shot('token-revoked');
    expect((await asPartner()).status).toBe(401);
  });
});
