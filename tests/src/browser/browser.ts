import { seedItcell } from '@sangathan/itcell';
import { seedMembership } from '@sangathan/membership';
import { seedTraining } from '@sangathan/training';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { startTestSystem, type TestSystem } from '../support';

/** Debian's chromium (installed by .ci/run when missing); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARTIFACTS = path.resolve(__dirname, '../../../test-artifacts/browser');
const ADMIN_DIST = path.resolve(__dirname, '../../../admin/dist/index.html');

export interface Credentials {
  email: string;
  password: string;
}

/** GraphQL through the gateway as one account (its access token), failing on any error. */
export type Api = <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>) => Promise<T>;

export interface ConsoleHarness {
  system: TestSystem;
  context: BrowserContext;
  page: Page;
  /** The system's superadmin, whom every suite signs in as unless it says otherwise. */
  admin: Credentials;
  /** The API as the superadmin (setting up and checking what the browser did). */
  data: Api;
  /** The API as another account. */
  apiAs(credentials: Credentials): Api;
  /** Creates an account through the API (as the superadmin); its password is TEST_PASSWORD unless given. */
  createAccount(input: {
    email: string;
    role: string;
    scopeUnitId?: string | null;
    displayName?: string;
    password?: string;
  }): Promise<{ id: string }>;
  /** Signs in through the console's login page, after dropping any session the browser had. */
  signIn(credentials: Credentials): Promise<void>;
  /** Saves a screenshot as test-artifacts/browser/<suite>-<nn>-<name>.png. */
  shot(name: string): Promise<void>;
  /** The console at a hash route, e.g. '#/members'. */
  open(route?: string): Promise<void>;
  stop(): Promise<void>;
}

/** A password the API accepts (10 characters or more, not a common one), for the accounts tests create. */
export const TEST_PASSWORD = 'Test-Sangathan-2026';

/** Signs in over the API and returns a caller that sends that account's access token. */
function apiAs(gatewayUrl: string, credentials: Credentials): Api {
  let token: Promise<string> | undefined;
  const post = async (query: string, variables: Record<string, unknown> | undefined, bearer?: string) => {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(bearer ? { authorization: `Bearer ${bearer}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors, null, 2)}`);
    return body.data;
  };
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    token ??= post(`mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`, {
      ...credentials,
    }).then((data) => (data?.login as { accessToken: string }).accessToken);
    return (await post(query, variables, await token)) as T;
  };
}

/**
 * The real system for browser tests: every service on its own fresh database with the demo data,
 * the gateway serving the built console, and a headless Chromium with a throwaway profile, signed in
 * as the superadmin through the login page (`signIn: false`: not signed in).
 */
export async function startConsoleHarness(suite: string, { signIn = true }: { signIn?: boolean } = {}): Promise<ConsoleHarness> {
  if (!fs.existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install chromium, or set CHROMIUM_PATH`);
  if (!fs.existsSync(ADMIN_DIST)) throw new Error('The console is not built: run `npm run build` first (npm test does)');
  const system = await startTestSystem(`browser_${suite}`);
  await seedMembership(system.membership.dataSource);
  await seedItcell(system.itcell.dataSource);
  await seedTraining(system.training.dataSource);
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1400, height: 900 },
    locale: 'en-IN',
    acceptDownloads: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(15000);
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  // Only this run's screenshots: earlier runs may have had other steps.
  for (const file of fs.readdirSync(ARTIFACTS)) if (file.startsWith(`${suite}-`)) fs.rmSync(path.join(ARTIFACTS, file));
  let step = 0;
  const admin = system.admin;
  const data = apiAs(system.gatewayUrl, admin);
  const harness: ConsoleHarness = {
    system,
    context,
    page,
    admin,
    data,
    apiAs: (credentials) => apiAs(system.gatewayUrl, credentials),
    createAccount: async ({ password = TEST_PASSWORD, displayName, ...input }) => {
      const created = await data<{ createAccount: { id: string } }>(
        `mutation ($input: AccountInput!) { createAccount(input: $input) { id } }`,
        { input: { ...input, password, displayName: displayName ?? input.email.split('@')[0] } },
      );
      return created.createAccount;
    },
    signIn: async ({ email, password }) => {
      // The refresh cookie is the session: without it a fresh page load shows the login page.
      await context.clearCookies();
      await page.goto('about:blank');
      await page.goto(`${system.gatewayBase}/admin/#/login`);
      await page.getByLabel('Email').fill(email);
      await page.getByLabel('Password').fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.locator('.RaLayout-appFrame').waitFor();
    },
    shot: async (name) => {
      step += 1;
      await page.screenshot({ path: path.join(ARTIFACTS, `${suite}-${String(step).padStart(2, '0')}-${name}.png`) });
    },
    open: async (route = '') => {
      // A fresh page load each time: a hash change alone would keep the previous view's queries in flight.
      await page.goto('about:blank');
      await page.goto(`${system.gatewayBase}/admin/${route}`);
    },
    stop: async () => {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
      await system.stop();
    },
  };
  if (signIn) await harness.signIn(admin);
  return harness;
}
