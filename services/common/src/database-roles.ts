import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { readOrCreateFileSync } from './auth/auth-config';

// Least privilege in the database: each service connects as a role of its own (named after it) that
// owns its database and nothing else. The role is no superuser and may not create databases or roles;
// CONNECT is revoked from PUBLIC on the database, so another service's role cannot even connect to it.

/** A password kept in `passwordsDir` (owner-only), generated the first time it is asked for. */
export function storedPassword(passwordsDir: string, name: string): string {
  return readOrCreateFileSync(path.join(passwordsDir, name), () => randomBytes(24).toString('base64url'));
}

/** The server URL with a role's credentials and database (named after the role unless told). */
export function roleUrl(serverUrl: string, role: string, password: string, database = role): string {
  const url = new URL(serverUrl);
  url.username = encodeURIComponent(role);
  url.password = encodeURIComponent(password);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}

const ignoreCodes =
  (...codes: string[]) =>
  (error: { code?: string }) => {
    if (!codes.includes(error.code ?? '')) throw error;
  };

// Every object in the database's own schemas (not pg_*, not information_schema, not an extension's)
// whose owner is not the role, as the ALTER … OWNER TO statement that gives it to the role. Sequences
// that belong to a column follow their table; a schema owned by pg_database_owner already is the role's.
const FOREIGN_OBJECTS_SQL = `
WITH target AS (SELECT oid FROM pg_roles WHERE rolname = $1),
own_schemas AS (SELECT oid, nspname, nspowner FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'),
objects AS (
  SELECT 0 AS step, 'pg_namespace'::regclass AS catalog, s.oid, s.nspowner AS owner, 'SCHEMA ' || quote_ident(s.nspname) AS object
    FROM own_schemas s WHERE s.nspowner NOT IN (SELECT oid FROM pg_roles WHERE rolname = 'pg_database_owner')
  UNION ALL
  SELECT 1, 'pg_class'::regclass, c.oid, c.relowner,
         CASE c.relkind WHEN 'v' THEN 'VIEW ' WHEN 'm' THEN 'MATERIALIZED VIEW ' WHEN 'f' THEN 'FOREIGN TABLE ' WHEN 'S' THEN 'SEQUENCE ' ELSE 'TABLE ' END
           || c.oid::regclass::text
    FROM pg_class c JOIN own_schemas s ON s.oid = c.relnamespace
   WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
     AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid
                        AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i'))
  UNION ALL
  SELECT 2, 'pg_proc'::regclass, p.oid, p.proowner,
         CASE p.prokind WHEN 'p' THEN 'PROCEDURE ' WHEN 'a' THEN 'AGGREGATE ' ELSE 'FUNCTION ' END || p.oid::regprocedure::text
    FROM pg_proc p JOIN own_schemas s ON s.oid = p.pronamespace
  UNION ALL
  SELECT 2, 'pg_type'::regclass, t.oid, t.typowner, CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || t.oid::regtype::text
    FROM pg_type t JOIN own_schemas s ON s.oid = t.typnamespace
   WHERE t.typtype IN ('e', 'd', 'r')
)
SELECT format('ALTER %s OWNER TO %I', o.object, $1) AS statement
  FROM objects o
 WHERE o.owner <> (SELECT oid FROM target)
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = o.catalog AND d.objid = o.oid AND d.deptype = 'e')
 ORDER BY o.step`;

/**
 * Creates (or corrects) the role `name` with `password` and the database `name` it owns, through a
 * server URL of a superuser (or of a role that may create roles and databases and act as them).
 * Idempotent: run at every start. A database made before roles existed (its tables owned by the
 * superuser) is given to the role, with everything in it; returns how many objects changed hands.
 */
export async function ensureServiceDatabase(serverUrl: string, name: string, password: string): Promise<{ reassigned: number }> {
  const admin = new Client({ connectionString: onDatabase(serverUrl, 'postgres') });
  await admin.connect();
  try {
    const role = admin.escapeIdentifier(name);
    const [found] = (
      await admin.query<{ rolsuper: boolean; rolcreatedb: boolean; rolcreaterole: boolean; rolcanlogin: boolean }>(
        'SELECT rolsuper, rolcreatedb, rolcreaterole, rolcanlogin FROM pg_roles WHERE rolname = $1',
        [name],
      )
    ).rows;
    if (!found) {
      await admin
        .query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${admin.escapeLiteral(password)}`)
        .catch(ignoreCodes('42710', '23505')); // created by another process meanwhile
    } else {
      // Only what is wrong is changed: a non-superuser admin may not even name SUPERUSER.
      const wrong = [
        found.rolsuper && 'NOSUPERUSER',
        found.rolcreatedb && 'NOCREATEDB',
        found.rolcreaterole && 'NOCREATEROLE',
        !found.rolcanlogin && 'LOGIN',
      ].filter(Boolean);
      if (wrong.length) await admin.query(`ALTER ROLE ${role} ${wrong.join(' ')}`);
    }
    // The configured or kept password is the truth: set it every time.
    await admin.query(`ALTER ROLE ${role} PASSWORD ${admin.escapeLiteral(password)}`);

    const [database] = (
      await admin.query<{ owner: string }>('SELECT pg_get_userbyid(datdba) AS owner FROM pg_database WHERE datname = $1', [name])
    ).rows;
    if (!database) await admin.query(`CREATE DATABASE ${role} OWNER ${role}`).catch(ignoreCodes('42P04'));
    if (database && database.owner !== name) await admin.query(`ALTER DATABASE ${role} OWNER TO ${role}`);
    await admin.query(`REVOKE ALL ON DATABASE ${role} FROM PUBLIC`);
  } finally {
    await admin.end();
  }

  // Objects the superuser made in it (a database from before roles, or a migration run by hand as superuser).
  const inside = new Client({ connectionString: onDatabase(serverUrl, name) });
  await inside.connect();
  try {
    const { rows } = await inside.query<{ statement: string }>(FOREIGN_OBJECTS_SQL, [name]);
    if (rows.length) {
      await inside.query('BEGIN');
      for (const { statement } of rows) await inside.query(statement);
      await inside.query('COMMIT');
    }
    return { reassigned: rows.length };
  } catch (error) {
    await inside.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await inside.end();
  }
}

/** The same server URL (same credentials) on another database. */
function onDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${encodeURIComponent(database)}`;
  return url.toString();
}
