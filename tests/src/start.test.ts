import { graphqlData, graphqlRequest } from '@sangathan/common';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { listening, otherAddresses } from './network';
import { freePort, lockHolder, portAnswers, ROOT, sessionsWaitingForLock, until } from './processes';

// `npm start` end to end (on the compiled workspace, which `npm test` builds first; `--ignore-scripts`
// skips the build npm would run first): embedded PostgreSQL in a fresh folder, migrations, demo data,
// services and gateway; then SIGTERM to the whole process group, as systemd sends it (a terminal's
// Ctrl-C likewise signals the whole group), with a request in flight.

describe('npm start', () => {
  it('brings up the whole system with demo data, and on SIGTERM to its group drains and stops everything', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sangathan-start-'));
    fs.chmodSync(dataDir, 0o755); // reachable by the "postgres" user when tests run as root
    const [gatewayPort, membershipPort, itcellPort, trainingPort, pgPort] = [
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
      await freePort(),
    ];
    // npm itself, as people run it: it forwards the signal to start.js, which also gets it from the group.
    const child = spawn('npm', ['start', '--ignore-scripts'], {
      cwd: ROOT,
      env: {
        ...process.env,
        DB_LOCK_TIMEOUT_MS: '60000', // the wait below is for the drain, not for the lock timeout
        DATA_DIR: dataDir,
        GATEWAY_PORT: `${gatewayPort}`,
        MEMBERSHIP_PORT: `${membershipPort}`,
        ITCELL_PORT: `${itcellPort}`,
        TRAINING_PORT: `${trainingPort}`,
        UNIT_SYNC_INTERVAL_MS: '300',
        EMBEDDED_PG_PORT: `${pgPort}`,
        GRAPHQL_INTROSPECTION: '',
      },
      detached: true, // its own process group, like a terminal's foreground job or a systemd service
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const deadline = Date.now() + 90000;
      while (!output.includes('Press Ctrl-C to stop.') && Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(output).toContain(`GraphQL gateway   http://localhost:${gatewayPort}/graphql`);
      expect(output).toMatch(/Sangathan is up in \d+\.\ds/);
      expect(output).toContain('demo data loaded');

      // Each service connects to its own database as its own role, which is no superuser and cannot reach the others'.
      const passwords = (name: string) => fs.readFileSync(path.join(dataDir, 'db-passwords', name), 'utf8').trim();
      expect(passwords('postgres')).not.toBe('sangathan');
      const asRole = async (role: string, password: string, database: string, sql: string) => {
        const client = new Client({
          connectionString: `postgres://${role}:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/${database}`,
        });
        try {
          await client.connect();
          return { rows: (await client.query(sql)).rows as Record<string, unknown>[] };
        } catch (error) {
          return { code: (error as { code?: string }).code };
        } finally {
          await client.end().catch(() => undefined);
        }
      };
      expect(
        await asRole(
          'postgres',
          passwords('postgres'),
          'postgres',
          `SELECT DISTINCT a.datname AS database, a.usename AS role, r.rolsuper AS superuser, r.rolcreatedb AS "createDb", r.rolcreaterole AS "createRole"
             FROM pg_stat_activity a JOIN pg_roles r ON r.rolname = a.usename WHERE a.application_name = 'sangathan' ORDER BY 1`,
        ),
      ).toEqual({
        rows: ['itcell', 'membership', 'training'].map((name) => ({
          database: name,
          role: name,
          superuser: false,
          createDb: false,
          createRole: false,
        })),
      });
      expect(await asRole('itcell', passwords('itcell'), 'itcell', 'SELECT current_user AS user')).toEqual({ rows: [{ user: 'itcell' }] });
      expect(await asRole('itcell', passwords('itcell'), 'membership', 'SELECT 1')).toEqual({ code: '42501' });
      expect(await asRole('training', passwords('training'), 'itcell', 'SELECT 1')).toEqual({ code: '42501' });

      // The subgraphs answer on this machine only; the gateway on every interface, as before.
      for (const port of [membershipPort, itcellPort, trainingPort]) {
        expect({ port, ...(await listening(port)) }).toEqual({ port, loopback: true, otherAddressesAccepting: [], boundTo: ['127.0.0.1'] });
      }
      expect(output).toContain(`membership        http://127.0.0.1:${membershipPort}/graphql  (this machine only`);
      const gatewayListens = await listening(gatewayPort);
      expect(gatewayListens.boundTo).toEqual(['::']);
      expect(gatewayListens.otherAddressesAccepting).toEqual(otherAddresses());

      // A new data folder: the superadmin's password is generated and shown once; demo accounts are listed.
      const [, adminEmail, adminPassword] = /superadmin\s+(\S+)\s+password (\S+)/.exec(output) ?? [];
      expect(adminEmail).toBe('admin@sangathan.local');
      expect(output).toContain('demo accounts     password Demo-Sangathan-2026');
      expect(output).toMatch(/lucknow\.editor@up\.demo\s+EDITOR/);
      const signIn = async (email: string, password: string) =>
        (
          await graphqlData<{ login: { accessToken: string } }>(
            `http://localhost:${gatewayPort}/graphql`,
            `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`,
            { email, password },
          )
        ).login.accessToken;
      const token = await signIn(adminEmail, adminPassword);
      const asAdmin = { token };

      // Local work: introspection is on (the variable is unset here; a deployment leaves it off).
      const { __schema } = await graphqlData<{ __schema: { queryType: { name: string } } }>(
        `http://localhost:${gatewayPort}/graphql`,
        '{ __schema { queryType { name } } }',
        undefined,
        asAdmin,
      );
      expect(__schema.queryType.name).toBe('Query');

      const { members } = await graphqlData<{ members: { items: { fullName: string; unit: { nameLatin: string } }[] } }>(
        `http://localhost:${gatewayPort}/graphql`,
        `{ members(filter: { q: "nguyen thanh tam" }) { items { fullName unit { nameLatin } } } }`,
        undefined,
        asAdmin,
      );
      expect(members.items.map((member) => member.fullName)).toEqual(['Nguyễn Thanh Tâm']);

      // Case 2 on the demo data, across both services: the state's IT coverage and the app drive's progress.
      const { orgUnits } = await graphqlData<{
        orgUnits: { items: { itCoverage: { units: number; unitsWithConvenor: number; booths: number; boothsWithCyberWarrior: number } }[] };
      }>(
        `http://localhost:${gatewayPort}/graphql`,
        `{ orgUnits(filter: { levels: ["state"] }) { items { itCoverage(level: "mandal") { units unitsWithConvenor booths boothsWithCyberWarrior } } } }`,
        undefined,
        asAdmin,
      );
      const [coverage] = orgUnits.items.map((unit) => unit.itCoverage);
      expect(coverage.units).toBe(80);
      expect(coverage.unitsWithConvenor).toBeGreaterThan(0);
      expect(coverage.unitsWithConvenor).toBeLessThan(coverage.units);
      expect(coverage.booths).toBe(2000);
      expect(coverage.boothsWithCyberWarrior).toBeGreaterThan(0);

      // Case 1 on the demo data: the campaign's progress per phase, across training and membership.
      const { trainingCampaigns } = await graphqlData<{
        trainingCampaigns: {
          items: {
            targetCamps: number;
            progress: { campsHeld: number; trainees: number };
            phases: { number: number; targetCamps: number }[];
          }[];
        };
      }>(
        `http://localhost:${gatewayPort}/graphql`,
        `{ trainingCampaigns { items { targetCamps progress { campsHeld trainees } phases { number targetCamps } } } }`,
        undefined,
        asAdmin,
      );
      const [campaign] = trainingCampaigns.items;
      expect(campaign.targetCamps).toBe(700);
      expect(campaign.phases.map((phase) => phase.number)).toEqual([1, 2, 3, 4]);
      expect(campaign.progress.campsHeld).toBeGreaterThan(0);
      expect(campaign.progress.trainees).toBeGreaterThan(0);

      // A unit moved in membership: the running itcell service follows the feed and its team moves along.
      const gateway = `http://localhost:${gatewayPort}/graphql`;
      type Units = { orgUnits: { items: { id: string; parentId: string; socialTeam: { id: string } | null }[] } };
      const { orgUnits: mandals } = await graphqlData<Units>(
        gateway,
        `{ orgUnits(filter: { levels: ["mandal"] }, page: { limit: 500 }) { items { id parentId socialTeam { id } } } }`,
        undefined,
        asAdmin,
      );
      const mandal = mandals.items.find((unit) => unit.socialTeam)!;
      const { orgUnits: districts } = await graphqlData<Units>(
        gateway,
        `{ orgUnits(filter: { levels: ["district"] }, page: { limit: 500 }) { items { id parentId socialTeam { id } } } }`,
        undefined,
        asAdmin,
      );
      const newDistrict = districts.items.find((district) => district.id !== mandal.parentId)!;
      await graphqlData(
        gateway,
        `mutation ($id: ID!, $p: ID!) { updateOrgUnit(id: $id, input: { parentId: $p }) { id } }`,
        { id: mandal.id, p: newDistrict.id },
        asAdmin,
      );
      const teamsUnder = async () =>
        (
          await graphqlData<{ socialTeams: { items: { id: string }[] } }>(
            gateway,
            `query ($u: ID!) { socialTeams(filter: { withinUnit: $u }) { items { id } } }`,
            { u: newDistrict.id },
            asAdmin,
          )
        ).socialTeams.items.map((team) => team.id);
      const followDeadline = Date.now() + 10000;
      while (!(await teamsUnder()).includes(mandal.socialTeam!.id) && Date.now() < followDeadline)
        await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await teamsUnder()).toContain(mandal.socialTeam!.id);

      // A demo account sees its own subtree only: the Lucknow editor counts Lucknow's members, not the state's.
      const lucknow = { token: await signIn('lucknow.editor@up.demo', 'Demo-Sangathan-2026') };
      const count = (options: { token: string }) =>
        graphqlData<{ members: { total: number } }>(`http://localhost:${gatewayPort}/graphql`, `{ members { total } }`, undefined, options);
      const [all, inLucknow] = [(await count(asAdmin)).members.total, (await count(lucknow)).members.total];
      expect(inLucknow).toBeGreaterThan(0);
      expect(inLucknow).toBeLessThan(all);

      // A write through the gateway held by a row lock this test keeps, as another change in progress would.
      const { organizations } = await graphqlData<{ organizations: { items: { id: string; name: string }[] } }>(
        gateway,
        '{ organizations { items { id name } } }',
        undefined,
        asAdmin,
      );
      const organization = organizations.items[0];
      const membershipDatabase = `postgres://postgres:${encodeURIComponent(passwords('postgres'))}@127.0.0.1:${pgPort}/membership`;
      const blocker = await lockHolder(membershipDatabase);
      try {
        await blocker.query('BEGIN');
        await blocker.query('SELECT id FROM organization WHERE id = $1 FOR UPDATE', [organization.id]);
        const inFlight = graphqlRequest(
          gateway,
          'mutation ($id: ID!, $name: String!) { updateOrganization(id: $id, input: { name: $name }) { name } }',
          { id: organization.id, name: `${organization.name} (renamed)` },
          asAdmin,
        );
        await until('the write waits for the lock', async () => (await sessionsWaitingForLock(blocker, 'membership')) > 0);

        process.kill(-child.pid!, 'SIGTERM');
        await until('the gateway stops accepting connections', async () => !(await portAnswers(gatewayPort)));
        await blocker.query('COMMIT');
        expect(await inFlight).toEqual({ data: { updateOrganization: { name: `${organization.name} (renamed)` } } });
      } finally {
        await blocker.end();
      }

      expect(await exited).toBe(0);
      for (const port of [gatewayPort, membershipPort, itcellPort, trainingPort, pgPort]) expect(await portAnswers(port)).toBe(false);
      // Each process was asked once and drained; the gateway first, membership after those that ask it, PostgreSQL last.
      const stopped = (name: string) => output.indexOf(`${name.padEnd(10)} | info stopped`);
      for (const name of ['gateway', 'itcell', 'training', 'membership']) expect(stopped(name)).toBeGreaterThan(-1);
      expect(stopped('gateway')).toBeLessThan(stopped('itcell'));
      expect(stopped('gateway')).toBeLessThan(stopped('training'));
      expect(stopped('itcell')).toBeLessThan(stopped('membership'));
      expect(stopped('training')).toBeLessThan(stopped('membership'));
      expect(output.indexOf('postgres   | stopped')).toBeGreaterThan(stopped('membership'));
      expect(output).toContain('start      | stopped');
      expect(output).not.toMatch(/already shutting down|again: killing|did not stop in time|exited unexpectedly/);
    } finally {
      if (child.exitCode === null) process.kill(-child.pid!, 'SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
