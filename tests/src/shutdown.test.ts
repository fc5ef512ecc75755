import { createTestDatabase, graphqlRequest, signServiceToken, type TestDatabase } from '@sangathan/common';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { createMembershipDataSource } from '@sangathan/membership';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';

// Runs the compiled service (`npm test` builds first) as its own process, as `npm start` does.
const ROOT = path.resolve(__dirname, '..', '..');
const ENTRY = path.join(ROOT, 'services/membership/dist/index.js');

function startProcess(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, [ENTRY], { env: { ...process.env, ...env, LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"url":"(http:\/\/localhost:\d+\/graphql)"/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before listening:\n${output}`)));
  });
}

const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

let database: TestDatabase;
let dataSource: DataSource;
// Its own secret and key folder, as a deployment would configure; requests come with a service token.
const INTERNAL_SECRET = randomBytes(32).toString('base64url');
const DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-shutdown-'));
const asService = async () => ({ token: await signServiceToken(INTERNAL_SECRET, 'test') });
beforeAll(async () => {
  database = await createTestDatabase('shutdown');
  dataSource = createMembershipDataSource(database.url);
  await dataSource.initialize();
});
afterAll(async () => {
  await dataSource.destroy();
  await database.drop();
  fs.rmSync(DATA_DIR, { recursive: true, force: true });
});

describe('graceful shutdown of a subgraph service', () => {
  it('runs its migrations at start, and on SIGTERM lets an in-flight request finish before exiting 0', async () => {
    const service = await startProcess({ DATABASE_URL: database.url, MEMBERSHIP_PORT: '0', INTERNAL_SECRET, DATA_DIR });
    const { data } = await graphqlRequest<{ createOrganization: { id: string } }>(
      service.url,
      `mutation { createOrganization(input: { name: "Shutdown Test", shortName: "ST", country: "IN", unitLevels: [{ key: "state", label: "State", rank: 0 }] }) { id } }`,
      undefined,
      await asService(),
    );
    const id = data!.createOrganization.id;

    // Hold a row lock so the update below stays in flight while the signal arrives.
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('BEGIN');
    await blocker.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [id]);
    const inFlight = graphqlRequest<{ updateOrganization: { name: string } }>(
      service.url,
      `mutation ($id: ID!) { updateOrganization(id: $id, input: { name: "Renamed" }) { name } }`,
      { id },
      await asService(),
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const exited = exitOf(service.child);
    service.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    await blocker.query('COMMIT');
    await blocker.end();

    expect((await inFlight).data).toEqual({ updateOrganization: { name: 'Renamed' } });
    expect(await exited).toBe(0);
    expect(service.output()).toContain('shutting down');
    const [row] = await dataSource.query('SELECT name FROM organization WHERE id = $1', [id]);
    expect(row.name).toBe('Renamed');
  });

  it('fails fast with a message naming a bad variable', async () => {
    const child = spawn(process.execPath, [ENTRY], { env: { ...process.env, MEMBERSHIP_PORT: 'abc' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await exitOf(child)).toBe(1);
    expect(output).toContain('MEMBERSHIP_PORT must be a port number');
  });
});
