import type { QueryRunner } from 'typeorm';

/**
 * The audit log of one service's database, written by PostgreSQL itself: statement-level triggers on
 * every audited table insert one entry per changed row into `audit_entry`, in the same transaction as
 * the change, so a rolled-back change leaves no entry and no write path can forget one. The actor,
 * request id and operation come from transaction-local settings (`sangathan.*`) that the service sets
 * at the start of each transaction (AuditSubscriber); a change that would be audited without them is
 * refused, so every write runs as a verified caller or a named system job.
 */

/** How a value is masked in an entry: personal details and secrets are never stored in the clear. */
export type AuditMask = 'phone' | 'email' | 'date' | 'secret';

export interface AuditedTable {
  table: string;
  /** The GraphQL type name, e.g. "Member". */
  recordType: string;
  /** Columns whose values are masked in entries. */
  masked?: Readonly<Record<string, AuditMask>>;
  /** Columns whose changes are not recorded (derived or bookkeeping), besides version, created_at and updated_at. */
  ignored?: readonly string[];
  /** Columns whose change makes an update a MOVE (a unit's parent, a member's unit). */
  moveColumns?: readonly string[];
  /** SQL over the changed row `r`: the record's organisation (uuid), for scoping entries. */
  organization: string;
  /** SQL over the changed row `r`: the record's unit path (uuid[], root first), for scoping entries and `withinUnit`. */
  unitPath: string;
}

const ALWAYS_IGNORED = ['version', 'created_at', 'updated_at'];

/** Creates the entry table, its indexes, the shared functions and the guard against changing entries. */
export async function createAuditLog(db: QueryRunner): Promise<void> {
  await db.query(`CREATE TABLE audit_entry (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    at timestamptz(3) NOT NULL DEFAULT now(),
    actor_kind text NOT NULL CHECK (actor_kind IN ('account', 'partner', 'service', 'system')),
    actor_id text,
    actor_name text,
    job text,
    request_id text,
    operation text,
    record_type text NOT NULL,
    record_id uuid NOT NULL,
    action text NOT NULL CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'MOVE', 'MERGE')),
    bulk boolean NOT NULL DEFAULT false,
    changes jsonb NOT NULL,
    organization_id uuid,
    unit_path uuid[])`);
  // Every list is newest first with id as the tie-breaker (keyset paging): one index per filter a reader starts from.
  await db.query(`CREATE INDEX audit_entry_at ON audit_entry (at DESC, id DESC)`);
  await db.query(`CREATE INDEX audit_entry_record ON audit_entry (record_id, at DESC, id DESC)`);
  await db.query(`CREATE INDEX audit_entry_type ON audit_entry (record_type, at DESC, id DESC)`);
  await db.query(`CREATE INDEX audit_entry_actor ON audit_entry (actor_id, at DESC, id DESC)`);
  await db.query(`CREATE INDEX audit_entry_organization ON audit_entry (organization_id, at DESC, id DESC)`);
  await db.query(`CREATE INDEX audit_entry_unit_path ON audit_entry USING gin (unit_path)`);

  // Entries are never changed; only the retention job removes old ones, saying so in its transaction.
  await db.query(`CREATE FUNCTION audit_entry_guard() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP = 'DELETE' AND current_setting('sangathan.audit_retention', true) = 'on' THEN RETURN OLD; END IF;
      RAISE EXCEPTION 'audit entries cannot be changed or removed' USING ERRCODE = 'insufficient_privilege';
    END $$`);
  await db.query(`CREATE TRIGGER audit_entry_guard BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_guard()`);
  await db.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_guard()`);

  // A transaction-local setting of the writer; a change to audit without an actor is refused.
  await db.query(`CREATE FUNCTION audit_setting(name text, required boolean DEFAULT false) RETURNS text LANGUAGE plpgsql STABLE AS $$
    DECLARE value text := nullif(current_setting('sangathan.' || name, true), '');
    BEGIN
      IF value IS NULL AND required THEN
        RAISE EXCEPTION 'a change without an actor: every write runs as a verified caller or a named system job'
          USING ERRCODE = 'insufficient_privilege';
      END IF;
      RETURN value;
    END $$`);

  await db.query(`CREATE FUNCTION audit_mask(kind text, value jsonb) RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE
      WHEN kind IS NULL OR value IS NULL OR value = 'null'::jsonb THEN value
      WHEN kind = 'phone' THEN to_jsonb(left(value #>> '{}', 3) || repeat('•', greatest(length(value #>> '{}') - 5, 0)) || right(value #>> '{}', 2))
      WHEN kind = 'email' THEN to_jsonb(left(value #>> '{}', 1) || '•••' || coalesce(substring(value #>> '{}' from '@.*$'), ''))
      WHEN kind = 'date' THEN to_jsonb('••••-••-••'::text)
      ELSE to_jsonb('••••••'::text)
    END $$`);

  // snake_case column → the API's camelCase field name.
  await db.query(`CREATE FUNCTION audit_field_name(column_name text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT lower(left(column_name, 1)) || substr(replace(initcap(column_name), '_', ''), 2) $$`);

  // The changed fields of a row as [{field, old, new}], masked; null values are left out of a create or a removal.
  // `names`: the table's column → field names, worked out once when the table is audited.
  await db.query(`CREATE FUNCTION audit_diff(old_row jsonb, new_row jsonb, masks jsonb, ignored text[], names jsonb) RETURNS jsonb
    LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_agg(jsonb_build_object(
        'field', coalesce(names ->> key, audit_field_name(key)),
        'old', CASE WHEN masks ? key THEN audit_mask(masks ->> key, old_row -> key) ELSE old_row -> key END,
        'new', CASE WHEN masks ? key THEN audit_mask(masks ->> key, new_row -> key) ELSE new_row -> key END) ORDER BY key), '[]'::jsonb)
    FROM jsonb_object_keys(coalesce(new_row, old_row)) AS key
    WHERE key <> ALL (ignored)
      AND (old_row -> key) IS DISTINCT FROM (new_row -> key)
      AND NOT (old_row IS NULL AND new_row -> key = 'null'::jsonb)
      AND NOT (new_row IS NULL AND old_row -> key = 'null'::jsonb) $$`);
}

/** snake_case column → the API's camelCase field name (as audit_field_name does in SQL). */
const fieldName = (column: string) => column.replace(/_([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * Audits a table: one trigger function and three statement-level triggers (insert, update, delete;
 * PostgreSQL allows transition tables on one event per trigger). Run again after a table's columns
 * change meaning (e.g. a new masked column); it replaces what was there.
 */
export async function auditTable(db: QueryRunner, config: AuditedTable): Promise<void> {
  const columns: { column_name: string }[] = await db.query(
    `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
    [config.table],
  );
  if (!columns.length) throw new Error(`auditTable: no table ${config.table}`);
  const has = (column: string) => columns.some((c) => c.column_name === column);
  const masks = literal(JSON.stringify(config.masked ?? {}));
  const names = literal(JSON.stringify(Object.fromEntries(columns.map(({ column_name: column }) => [column, fieldName(column)]))));
  const ignored = `ARRAY[${[...ALWAYS_IGNORED, ...(config.ignored ?? [])].map(literal).join(', ')}]::text[]`;
  const moved = (config.moveColumns ?? []).map((column) => `o.${column} IS DISTINCT FROM r.${column}`).join(' OR ') || 'false';
  const deletedAt = has('deleted_at');
  const updateAction = `CASE
      WHEN ${deletedAt ? 'o.deleted_at IS NULL AND r.deleted_at IS NOT NULL' : 'false'} THEN 'DELETE'
      WHEN ${deletedAt ? 'o.deleted_at IS NOT NULL AND r.deleted_at IS NULL' : 'false'} THEN 'RESTORE'
      WHEN v_action IS NOT NULL THEN v_action
      WHEN ${moved} THEN 'MOVE'
      ELSE 'UPDATE' END`;
  // MATERIALIZED: each row's diff is computed once. As a plain subquery PostgreSQL pulls it up and
  // computes audit_diff twice, for the WHERE and for the inserted value (the trigger's largest cost).
  const insertEntries = (rows: string) => `WITH d AS MATERIALIZED (${rows})
    INSERT INTO audit_entry
      (actor_kind, actor_id, actor_name, job, request_id, operation, record_type, record_id, action, bulk, changes, organization_id, unit_path)
    SELECT coalesce(v_kind, audit_setting('actor_kind', true)), v_id, v_name, v_job, v_request, v_operation,
      ${literal(config.recordType)}, d.id, d.action, many, d.changes,
      d.organization_id, d.unit_path
    FROM d
    WHERE jsonb_array_length(d.changes) > 0`;
  const name = `audit_${config.table}`;
  await db.query(`CREATE OR REPLACE FUNCTION ${name}() RETURNS trigger LANGUAGE plpgsql AS $fn$
    DECLARE
      many boolean;
      -- The writer, read once per statement; a missing actor is refused only when there is an entry to write.
      v_kind text := audit_setting('actor_kind');
      v_id text := audit_setting('actor_id');
      v_name text := audit_setting('actor_name');
      v_job text := audit_setting('job');
      v_request text := audit_setting('request_id');
      v_operation text := audit_setting('operation');
      v_action text := audit_setting('action');
    BEGIN
      IF TG_OP = 'INSERT' THEN
        SELECT count(*) > 1 INTO many FROM new_rows;
        ${insertEntries(`SELECT r.id, 'CREATE' AS action, audit_diff(NULL, to_jsonb(r), ${masks}, ${ignored}, ${names}) AS changes,
            ${config.organization} AS organization_id, ${config.unitPath} AS unit_path FROM new_rows r`)};
      ELSIF TG_OP = 'UPDATE' THEN
        SELECT count(*) > 1 INTO many FROM new_rows;
        ${insertEntries(`SELECT r.id, ${updateAction} AS action, audit_diff(to_jsonb(o), to_jsonb(r), ${masks}, ${ignored}, ${names}) AS changes,
            ${config.organization} AS organization_id, ${config.unitPath} AS unit_path
          FROM new_rows r JOIN old_rows o ON o.id = r.id`)};
      ELSE
        SELECT count(*) > 1 INTO many FROM old_rows;
        ${insertEntries(`SELECT r.id, 'DELETE' AS action, audit_diff(to_jsonb(r), NULL, ${masks}, ${ignored}, ${names}) AS changes,
            ${config.organization} AS organization_id, ${config.unitPath} AS unit_path FROM old_rows r`)};
      END IF;
      RETURN NULL;
    END $fn$`);
  for (const [event, tables] of [
    ['INSERT', 'NEW TABLE AS new_rows'],
    ['UPDATE', 'OLD TABLE AS old_rows NEW TABLE AS new_rows'],
    ['DELETE', 'OLD TABLE AS old_rows'],
  ]) {
    const trigger = `${name}_${event.toLowerCase()}`;
    await db.query(`DROP TRIGGER IF EXISTS ${trigger} ON "${config.table}"`);
    await db.query(`CREATE TRIGGER ${trigger} AFTER ${event} ON "${config.table}" REFERENCING ${tables}
      FOR EACH STATEMENT EXECUTE FUNCTION ${name}()`);
  }
}

/** For a migration's `down`: removes a table's triggers and function. */
export async function dropAuditTable(db: QueryRunner, table: string): Promise<void> {
  for (const event of ['insert', 'update', 'delete']) await db.query(`DROP TRIGGER IF EXISTS audit_${table}_${event} ON "${table}"`);
  await db.query(`DROP FUNCTION IF EXISTS audit_${table}()`);
}

/** For a migration's `down`: removes the entry table and the shared functions. */
export async function dropAuditLog(db: QueryRunner): Promise<void> {
  await db.query(`DROP TABLE audit_entry`);
  for (const fn of [
    'audit_entry_guard()',
    'audit_setting(text, boolean)',
    'audit_mask(text, jsonb)',
    'audit_field_name(text)',
    'audit_diff(jsonb, jsonb, jsonb, text[], jsonb)',
  ])
    await db.query(`DROP FUNCTION ${fn}`);
}

/**
 * Tables of the database that no audit trigger covers, leaving out `exempt` ones (the migrations table
 * and audit_entry are always exempt). A service's test asserts this is empty, so a new table is audited
 * or explicitly exempted with a reason.
 */
export async function unauditedTables(
  db: { query(sql: string): Promise<{ table_name: string }[]> },
  exempt: readonly string[],
): Promise<string[]> {
  const rows = await db.query(`SELECT t.table_name FROM information_schema.tables t
    WHERE t.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      AND (SELECT count(*) FROM pg_trigger g JOIN pg_class c ON c.oid = g.tgrelid
           WHERE c.relname = t.table_name AND g.tgname LIKE 'audit\\_%' AND NOT g.tgisinternal) < 3
    ORDER BY 1`);
  const skip = new Set(['migrations', 'audit_entry', ...exempt]);
  return rows.map((row) => row.table_name).filter((table) => !skip.has(table));
}
