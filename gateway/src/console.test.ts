import express from 'express';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serveConsole } from './console';

async function serve(distDir: string) {
  const app = express();
  serveConsole(app, distDir);
  const server = await new Promise<ReturnType<typeof app.listen>>((resolve) => {
    const listening = app.listen(0, () => resolve(listening));
  });
  const base = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

describe('console and playground hosting', () => {
  const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-dist-'));
  beforeAll(() => {
    fs.mkdirSync(path.join(dist, 'assets'));
    fs.writeFileSync(path.join(dist, 'index.html'), '<title>console</title>');
    fs.writeFileSync(path.join(dist, 'playground.html'), '<title>playground</title>');
    fs.writeFileSync(path.join(dist, 'assets', 'console-abc123.js'), 'console.log(1)');
  });
  afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

  test('serves the console at /admin/, the playground at /playground and hashed assets cached for a year', async () => {
    const { base, close } = await serve(dist);
    try {
      const redirect = await fetch(`${base}/admin`, { redirect: 'manual' });
      expect(redirect.status).toBe(302);
      expect(redirect.headers.get('location')).toBe('/admin/');
      const consolePage = await fetch(`${base}/admin/`);
      expect(await consolePage.text()).toContain('console');
      expect(consolePage.headers.get('cache-control')).toBe('no-cache');
      expect(await (await fetch(`${base}/playground`)).text()).toContain('playground');
      const asset = await fetch(`${base}/admin/assets/console-abc123.js`);
      expect(asset.headers.get('cache-control')).toContain('max-age=31536000');
      expect((await fetch(`${base}/admin/assets/missing.js`)).status).toBe(404);
      expect((await fetch(`${base}/`, { redirect: 'manual' })).headers.get('location')).toBe('/admin/');
    } finally {
      await close();
    }
  });

  test('says how to build the console when it is not built', async () => {
    const { base, close } = await serve(path.join(dist, 'nothing-here'));
    try {
      const response = await fetch(`${base}/admin/`);
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(/npm run build/);
      expect((await fetch(`${base}/playground`)).status).toBe(503);
    } finally {
      await close();
    }
  });
});
