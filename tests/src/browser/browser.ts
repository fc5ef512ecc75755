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

export interface ConsoleHarness {
  system: TestSystem;
  context: BrowserContext;
  page: Page;
  /** Saves a screenshot as test-artifacts/browser/<suite>-<nn>-<name>.png. */
  shot(name: string): Promise<void>;
  /** The console at a hash route, e.g. '#/members'. */
  open(route?: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The real system for browser tests: every service on its own fresh database with the demo data,
 * the gateway serving the built console, and a headless Chromium with a throwaway profile.
 */
export async function startConsoleHarness(suite: string): Promise<ConsoleHarness> {
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
  return {
    system,
    context,
    page,
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
}
