#!/usr/bin/env bash
# Each Sangathan service's own role and database, on the postgres service of docker-compose.yml, which
# mounts this file into the image's /docker-entrypoint-initdb.d: the image runs it once, as the
# superuser, when the data volume is new. The role is named after the service, logs in with
# <SERVICE>_DB_PASSWORD, owns the database named after it and nothing else (no superuser, may not
# create databases or roles), and no other role may connect to that database.
#
# Safe to run again, e.g. on a volume made before the roles existed (its tables are then given to the
# roles, as npm start does on the embedded server, see services/common/src/database-roles.ts):
#   docker compose exec postgres bash /docker-entrypoint-initdb.d/10-sangathan-roles.sh
set -eo pipefail

services="${SANGATHAN_SERVICES:-membership itcell training}"
# Every password first, so that a missing one changes nothing.
for service in $services; do
  variable="${service^^}_DB_PASSWORD"
  if [ -z "${!variable}" ]; then
    echo "init-roles: $variable is not set: set it for the postgres service (docker-compose.yml)" >&2
    exit 1
  fi
done

for service in $services; do
  variable="${service^^}_DB_PASSWORD"
  psql -v ON_ERROR_STOP=1 -q --username "${POSTGRES_USER:-postgres}" --dbname postgres \
    -v role="$service" -v password="${!variable}" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'role') \gexec
ALTER ROLE :"role" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD :'password';
SELECT format('CREATE DATABASE %I OWNER %I', :'role', :'role') WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'role') \gexec
ALTER DATABASE :"role" OWNER TO :"role";
REVOKE ALL ON DATABASE :"role" FROM PUBLIC;
SQL
  # What the superuser made in it before the roles existed becomes the role's (tables, views, sequences,
  # functions, types and schemas; not what belongs to an extension).
  psql -v ON_ERROR_STOP=1 -q --username "${POSTGRES_USER:-postgres}" --dbname "$service" -v role="$service" <<'SQL'
WITH own_schemas AS (SELECT oid, nspname, nspowner FROM pg_namespace WHERE nspname NOT LIKE 'pg\_%' AND nspname <> 'information_schema'),
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
SELECT format('ALTER %s OWNER TO %I', o.object, :'role')
  FROM objects o
 WHERE o.owner <> (SELECT oid FROM pg_roles WHERE rolname = :'role')
   AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = o.catalog AND d.objid = o.oid AND d.deptype = 'e')
 ORDER BY o.step \gexec
SQL
  echo "init-roles: role and database $service ready"
done
