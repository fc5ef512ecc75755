import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { withDatabase } from './database';
import { ensureServiceDatabase, roleUrl } from './database-roles';
import { TEST_SERVER_ENV } from './testing';

// Each service's own role on the test server (as superuser, as npm start does on the embedded one), and
// docker-compose's init script (docker/postgres/init-roles.sh, run with psql) doing the same.
const serverUrl = () => process.env[TEST_SERVER_ENV]!;
const prefix = `roles_${randomBytes(3).toString('hex')}`;
const made: string[] = [];
/** A fresh role and database name, dropped after the tests. */
const newName = (label: string) => {
  const name = `${prefix}_${label}`;
  made.push(name);
  return name;
};

async function asSuperuser<T>(database: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: withDatabase(serverUrl(), database) });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Connects as `role` to `database`: its current_user, or the error code the server answered with. */
async function connectAs(role: string, password: string, database: string): Promise<{ user?: string; code?: string }> {
  const client = new Client({ connectionString: roleUrl(serverUrl(), role, password, database) });
  try {
    await client.connect();
    const { rows } = await client.query<{ user: string }>('SELECT current_user AS user');
    return { user: rows[0].user };
  } catch (error) {
    return { code: (error as { code?: string }).code };
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function roleAttributes(role: string) {
  return asSuperuser('postgres', async (client) => {
    const { rows } = await client.query(
      `SELECT rolsuper AS superuser, rolcreatedb AS "createDb", rolcreaterole AS "createRole", rolcanlogin AS login,
              (SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = $1) AS "databaseOwner",
              (SELECT has_database_privilege('public', $1, 'CONNECT')) AS "publicMayConnect"
         FROM pg_roles WHERE rolname = $1`,
      [role],
    );
    return rows[0];
  });
}

/** Owners of the objects in the database's public schema, by name. */
async function owners(database: string): Promise<Record<string, string>> {
  return asSuperuser(database, async (client) => {
    const { rows } = await client.query<{ name: string; owner: string }>(
      `SELECT c.relname AS name, pg_get_userbyid(c.relowner) AS owner FROM pg_class c
         WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v', 'S')
       UNION ALL SELECT p.proname, pg_get_userbyid(p.proowner) FROM pg_proc p WHERE p.pronamespace = 'public'::regnamespace
         AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
       UNION ALL SELECT t.typname, pg_get_userbyid(t.typowner) FROM pg_type t WHERE t.typnamespace = 'public'::regnamespace AND t.typtype = 'e'`,
    );
    return Object.fromEntries(rows.map((row) => [row.name, row.owner]));
  });
}

/** A database made before roles existed: everything in it made by the superuser, as older versions did. */
async function makeOldDatabase(name: string): Promise<void> {
  await asSuperuser('postgres', (client) => client.query(`CREATE DATABASE "${name}"`));
  await asSuperuser(name, async (client) => {
    await client.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await client.query(`CREATE TYPE status AS ENUM ('ACTIVE', 'LAPSED')`);
    await client.query(`CREATE TABLE member (id serial PRIMARY KEY, name text NOT NULL, status status)`);
    await client.query(`CREATE TABLE visit (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY, member_id int REFERENCES member (id))`);
    await client.query(`CREATE SEQUENCE membership_number`);
    await client.query(`CREATE VIEW active_member AS SELECT * FROM member WHERE status = 'ACTIVE'`);
    await client.query(`CREATE FUNCTION member_count() RETURNS bigint LANGUAGE sql AS 'SELECT count(*) FROM member'`);
    await client.query(`INSERT INTO member (name, status) VALUES ('Asha', 'ACTIVE')`);
  });
}

afterAll(async () => {
  await asSuperuser('postgres', async (client) => {
    for (const name of made) {
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.query(`DROP ROLE IF EXISTS "${name}"`);
    }
  });
});

describe('ensureServiceDatabase', () => {
  it('creates a role that owns its database only: no superuser, no CREATEDB or CREATEROLE, and no one else may connect', async () => {
    const [membership, itcell] = [newName('membership'), newName('itcell')];
    const [membershipPassword, itcellPassword] = ['pw-membership-1', "pw-it'cell-2"];
    expect(await ensureServiceDatabase(serverUrl(), membership, membershipPassword)).toEqual({ reassigned: 0 });
    await ensureServiceDatabase(serverUrl(), itcell, itcellPassword);

    expect(await roleAttributes(membership)).toEqual({
      superuser: false,
      createDb: false,
      createRole: false,
      login: true,
      databaseOwner: membership,
      publicMayConnect: false,
    });
    expect(await connectAs(membership, membershipPassword, membership)).toEqual({ user: membership });
    expect(await connectAs(itcell, itcellPassword, itcell)).toEqual({ user: itcell });
    // 42501: insufficient_privilege ("permission denied for database"), both ways.
    expect(await connectAs(itcell, itcellPassword, membership)).toEqual({ code: '42501' });
    expect(await connectAs(membership, membershipPassword, itcell)).toEqual({ code: '42501' });
    expect(await connectAs(membership, 'wrong password', membership)).toEqual({ code: '28P01' });

    // It can build its own schema, and cannot make databases or roles.
    const client = new Client({ connectionString: roleUrl(serverUrl(), membership, membershipPassword) });
    await client.connect();
    try {
      await client.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');
      await client.query('CREATE TABLE organization (id uuid PRIMARY KEY, name text)');
      await expect(client.query(`CREATE DATABASE "${membership}_other"`)).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`CREATE ROLE "${membership}_other"`)).rejects.toMatchObject({ code: '42501' });
      await expect(client.query(`ALTER ROLE "${membership}" SUPERUSER`)).rejects.toMatchObject({ code: '42501' });
    } finally {
      await client.end();
    }
  });

  it('is idempotent, keeps the data, and makes the role match what it should be (password, attributes)', async () => {
    const name = newName('again');
    await ensureServiceDatabase(serverUrl(), name, 'first-password');
    const client = new Client({ connectionString: roleUrl(serverUrl(), name, 'first-password') });
    await client.connect();
    await client.query(`CREATE TABLE note (body text); INSERT INTO note VALUES ('kept')`);
    await client.end();
    // Someone gave the role too much; the password changed (a new <NAME>_DB_PASSWORD).
    await asSuperuser('postgres', (admin) => admin.query(`ALTER ROLE "${name}" SUPERUSER CREATEDB CREATEROLE`));

    expect(await ensureServiceDatabase(serverUrl(), name, 'second-password')).toEqual({ reassigned: 0 });
    expect(await roleAttributes(name)).toMatchObject({ superuser: false, createDb: false, createRole: false, databaseOwner: name });
    expect(await connectAs(name, 'first-password', name)).toEqual({ code: '28P01' });
    const again = new Client({ connectionString: roleUrl(serverUrl(), name, 'second-password') });
    await again.connect();
    expect((await again.query('SELECT body FROM note')).rows).toEqual([{ body: 'kept' }]);
    await again.end();
  });

  it('gives a database made before roles existed, with everything in it, to the role (once)', async () => {
    const name = newName('old');
    await makeOldDatabase(name);
    const superuser = new URL(serverUrl()).username;
    expect(Object.values(await owners(name))).toEqual(expect.arrayContaining([superuser]));

    const { reassigned } = await ensureServiceDatabase(serverUrl(), name, 'old-password');
    // member, visit, membership_number, active_member, member_count, status (the serial and identity sequences follow their tables)
    expect(reassigned).toBe(6);
    expect(await owners(name)).toEqual({
      member: name,
      member_id_seq: name,
      visit: name,
      visit_id_seq: name,
      membership_number: name,
      active_member: name,
      member_count: name,
      status: name,
    });
    expect(await roleAttributes(name)).toMatchObject({ databaseOwner: name, publicMayConnect: false });
    expect(await ensureServiceDatabase(serverUrl(), name, 'old-password')).toEqual({ reassigned: 0 });

    // The role runs a migration on what it now owns, and reads the old data.
    const client = new Client({ connectionString: roleUrl(serverUrl(), name, 'old-password') });
    await client.connect();
    try {
      await client.query(`ALTER TABLE member ADD COLUMN phone text`);
      await client.query(`ALTER TYPE status ADD VALUE 'DECEASED'`);
      await client.query(`INSERT INTO visit (member_id) VALUES (1)`);
      expect((await client.query('SELECT member_count() AS count')).rows).toEqual([{ count: '1' }]);
    } finally {
      await client.end();
    }
  });
});

describe('docker/postgres/init-roles.sh (docker-compose)', () => {
  const script = path.resolve(__dirname, '..', '..', '..', 'docker', 'postgres', 'init-roles.sh');
  const server = () => new URL(serverUrl());
  /** Runs the script with psql against the test server, as the postgres image would with these variables. */
  const run = (env: Record<string, string>) =>
    spawnSync('bash', [script], {
      encoding: 'utf8',
      env: {
        PATH: process.env.PATH,
        PGHOST: server().hostname,
        PGPORT: server().port,
        PGPASSWORD: decodeURIComponent(server().password),
        POSTGRES_USER: decodeURIComponent(server().username),
        ...env,
      },
    });

  it('refuses to run without a password for every role, and creates nothing', async () => {
    const [first, second] = [newName('sh_missing_a'), newName('sh_missing_b')];
    const result = run({ SANGATHAN_SERVICES: `${first} ${second}`, [`${first.toUpperCase()}_DB_PASSWORD`]: 'pw-a' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`${second.toUpperCase()}_DB_PASSWORD is not set`);
    expect(await roleAttributes(second)).toBeUndefined();
  });

  it('creates each role and its database as npm start does, gives older objects to the role, and can run again', async () => {
    const [membership, itcell] = [newName('sh_membership'), newName('sh_itcell')];
    await makeOldDatabase(membership);
    const env = {
      SANGATHAN_SERVICES: `${membership} ${itcell}`,
      [`${membership.toUpperCase()}_DB_PASSWORD`]: 'sh-membership-pw',
      [`${itcell.toUpperCase()}_DB_PASSWORD`]: 'sh-itcell-pw',
    };
    const first = run(env);
    expect({ status: first.status, stderr: first.stderr }).toEqual({ status: 0, stderr: '' });
    expect(first.stdout).toContain(`role and database ${itcell} ready`);
    for (const name of [membership, itcell]) {
      expect(await roleAttributes(name)).toEqual({
        superuser: false,
        createDb: false,
        createRole: false,
        login: true,
        databaseOwner: name,
        publicMayConnect: false,
      });
    }
    expect(new Set(Object.values(await owners(membership)))).toEqual(new Set([membership]));
    expect(await connectAs(membership, 'sh-membership-pw', membership)).toEqual({ user: membership });
    expect(await connectAs(itcell, 'sh-itcell-pw', membership)).toEqual({ code: '42501' });

    const second = run(env);
    expect({ status: second.status, stderr: second.stderr }).toEqual({ status: 0, stderr: '' });
    // What the script did is what ensureServiceDatabase would have done: nothing left to change.
    expect(await ensureServiceDatabase(serverUrl(), membership, 'sh-membership-pw')).toEqual({ reassigned: 0 });
  });
});
