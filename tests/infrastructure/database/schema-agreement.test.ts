// schema.prisma and the hand-written migrations agree: the migrated database's tables, columns (type,
// nullability, default) and indexes are what the Prisma models say. `prisma migrate diff` needs a schema
// engine this machine cannot download, so the models are read here from schema.prisma itself.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/infrastructure/database/database.js";
import { createTestDatabase, type TestDatabase } from "../../support/test-database.js";

const SCHEMA_FILE = fileURLToPath(new URL("../../../prisma/schema.prisma", import.meta.url));

/**
 * What the migrations have that Prisma's schema language cannot say (each with its reason). Anything else
 * in the database and not in schema.prisma, or the other way round, fails the test.
 */
const SQL_ONLY_INDEXES: Record<string, string> = {
  appointments_one_live_per_application: "partial unique: one active or checked-in appointment per application",
  appointments_active_starts_at_idx: "partial: the no-show sweep's active appointments by start",
  appointments_no_show_idx: "partial: an application's no-show bans",
  applications_one_open_per_citizen: "partial unique: one live application per national ID",
  payments_one_pending_per_application: "partial unique: one pending payment per application",
  payments_one_paid_per_application: "partial unique: one paid payment per application",
  payments_pending_idx: "partial: reconciliation's pending payments by age",
  notifications_unsent_idx: "partial: the outbox's unsent rows",
  notifications_lane_unsent_idx: "partial: each lane's unsent rows in order, for the dispatcher's claims",
  staff_members_one_active_per_user: "partial unique: one active staff membership per user",
  staff_members_office_id_idx: "partial: an office's active staff",
  audit_log_application_idx: "partial: an application's audit trail",
  audit_log_office_idx: "partial: an office's audit trail",
  cards_ready_idx: "partial: an office's cards ready for pickup",
  cards_in_transit_idx: "partial: cards in transit to an office",
  cases_open_due_idx: "partial: the escalation sweep's open cases by due time",
  case_entries_request_key: "partial unique: one entry per request key (a repeated step finds its result)",
  home_visits_one_open_per_case: "partial unique: one proposed or confirmed visit per case",
  staff_units_home_service_per_province: "partial unique: one home-service unit per province",
};
const SQL_ONLY_TABLES = new Set(["_prisma_migrations"]);

// ---------------------------------------------------------------------------------------------------------
// schema.prisma, read as far as this project uses it.

interface ModelColumn {
  column: string;
  /** The PostgreSQL type as format_type() writes it. */
  type: string;
  nullable: boolean;
  /** The default as pg_get_expr() writes it, or a test for it; null for none. */
  default: string | RegExp | null;
}

interface ModelIndex {
  name: string;
  columns: string[];
  unique: boolean;
  primary: boolean;
}

interface Model {
  name: string;
  table: string;
  columns: ModelColumn[];
  indexes: ModelIndex[];
}

const SCALARS = new Set(["String", "Int", "BigInt", "Float", "Boolean", "DateTime", "Json", "Decimal"]);

function parseSchema(text: string): Model[] {
  const models: Model[] = [];
  for (const match of text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    const [, name, body] = match as unknown as [string, string, string];
    const lines = body
      .split("\n")
      .map((line) => line.replace(/\/\/.*$/, "").trim())
      .filter(Boolean);
    const table = /@@map\("([^"]+)"\)/.exec(body)?.[1] ?? name;
    const fieldColumn = new Map<string, string>();
    const columns: ModelColumn[] = [];
    const indexes: ModelIndex[] = [];
    for (const line of lines.filter((l) => !l.startsWith("@@"))) {
      const [field, rawType, ...rest] = line.split(/\s+/) as [string, string, ...string[]];
      const attributes = rest.join(" ");
      const scalar = rawType.replace(/[?[\]]/g, "");
      if (!SCALARS.has(scalar)) continue; // a relation
      const column = /@map\("([^"]+)"\)/.exec(attributes)?.[1] ?? field;
      fieldColumn.set(field, column);
      const native = /@db\.(\w+)(?:\(([^)]*)\))?/.exec(attributes);
      columns.push({
        column,
        type: pgType(scalar, native?.[1], native?.[2]),
        nullable: rawType.endsWith("?"),
        default: pgDefault(attributes, scalar, native?.[1]),
      });
      if (/@id\b/.test(attributes)) indexes.push({ name: `${table}_pkey`, columns: [column], unique: true, primary: true });
      if (/@unique\b/.test(attributes)) indexes.push({ name: `${table}_${column}_key`, columns: [column], unique: true, primary: false });
    }
    const toColumns = (list: string) => list.split(",").map((f) => fieldColumn.get(f.trim()) ?? `?${f.trim()}`);
    for (const block of body.matchAll(/@@(id|unique|index)\(\[([^\]]*)\](?:\s*,\s*map:\s*"([^"]+)")?\)/g)) {
      const [, kind, list, map] = block as unknown as [string, "id" | "unique" | "index", string, string | undefined];
      const cols = toColumns(list);
      const name = map ?? (kind === "id" ? `${table}_pkey` : `${table}_${cols.join("_")}_${kind === "unique" ? "key" : "idx"}`);
      indexes.push({ name, columns: cols, unique: kind !== "index", primary: kind === "id" });
    }
    models.push({ name, table, columns, indexes });
  }
  return models;
}

function pgType(scalar: string, native?: string, args?: string): string {
  switch (scalar) {
    case "String":
      if (native === "Uuid") return "uuid";
      if (native === "Char") return `character(${args})`;
      if (native === "VarChar") return `character varying(${args})`;
      return "text";
    case "Int":
      return "integer";
    case "BigInt":
      return "bigint";
    case "Float":
      return "double precision";
    case "Boolean":
      return "boolean";
    case "Json":
      return "jsonb";
    case "Decimal":
      return native === "Decimal" ? `numeric(${args})` : "numeric(65,30)";
    case "DateTime":
      if (native === "Date") return "date";
      if (native === "Timestamptz") return `timestamp(${args ?? "6"}) with time zone`;
      return "timestamp(3) without time zone";
    default:
      throw new Error(`schema.prisma: no PostgreSQL type for ${scalar}`);
  }
}

function pgDefault(attributes: string, scalar: string, native?: string): string | RegExp | null {
  const match = /@default\((.*?)\)(?=\s+@|\s*$)/.exec(attributes);
  if (!match) return null;
  const value = match[1]!;
  if (value === "now()") return /^(CURRENT_TIMESTAMP|now\(\))$/;
  if (value === "autoincrement()") return /^nextval\(/;
  const generated = /^dbgenerated\("(.*)"\)$/.exec(value);
  if (generated) return generated[1]!;
  const text = /^"(.*)"$/.exec(value);
  if (text) return `'${text[1]}'::${scalar === "Json" ? "jsonb" : native === "Char" ? "bpchar" : "text"}`;
  return value; // numbers and booleans are written as they are
}

// ---------------------------------------------------------------------------------------------------------
// The migrated database.

async function databaseShape(db: Database) {
  const columns = await db.sql.query<{ table: string; column: string; type: string; nullable: boolean; default: string | null }>(
    `SELECT c.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type, NOT a.attnotnull AS nullable,
            pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid AND c.relkind = 'r'
       JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = 'public'
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  const indexes = await db.sql.query<{ table: string; name: string; columns: string[]; unique: boolean; primary: boolean; partial: boolean }>(
    `SELECT t.relname AS table, i.relname AS name,
            array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(attnum, ord)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
            x.indisunique AS unique, x.indisprimary AS primary, x.indpred IS NOT NULL AS partial
       FROM pg_index x
       JOIN pg_class i ON i.oid = x.indexrelid
       JOIN pg_class t ON t.oid = x.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = 'public'
      ORDER BY t.relname, i.relname`,
  );
  return { columns, indexes };
}

describe("schema.prisma agrees with the migrated database", () => {
  let testDb: TestDatabase;
  let db: Database;
  let shape: Awaited<ReturnType<typeof databaseShape>>;
  const models = parseSchema(readFileSync(SCHEMA_FILE, "utf8"));

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = testDb.open();
    shape = await databaseShape(db);
  });
  afterAll(async () => {
    await db.close();
    await testDb.drop();
  });

  it("reads every model of schema.prisma", () => {
    expect(models.map((model) => model.table)).toContain("applications");
    expect(models.length).toBeGreaterThanOrEqual(13);
    expect(models.find((model) => model.table === "appointments")?.columns.length).toBe(14);
  });

  it("has exactly the models' tables", () => {
    const tables = [...new Set(shape.columns.map((column) => column.table))].filter((table) => !SQL_ONLY_TABLES.has(table)).sort();
    expect(tables).toEqual(models.map((model) => model.table).sort());
  });

  it("has each model's columns with their types, nullability and defaults, and no others", () => {
    const problems: string[] = [];
    for (const model of models) {
      const actual = shape.columns.filter((column) => column.table === model.table);
      for (const expected of model.columns) {
        const found = actual.find((column) => column.column === expected.column);
        const where = `${model.table}.${expected.column}`;
        if (!found) {
          problems.push(`${where}: missing`);
          continue;
        }
        if (found.type !== expected.type) problems.push(`${where}: type ${found.type}, schema.prisma says ${expected.type}`);
        if (found.nullable !== expected.nullable)
          problems.push(`${where}: ${found.nullable ? "nullable" : "NOT NULL"}, schema.prisma says ${expected.nullable ? "optional" : "required"}`);
        const defaultAgrees =
          expected.default === null
            ? found.default === null
            : expected.default instanceof RegExp
              ? expected.default.test(found.default ?? "")
              : found.default === expected.default;
        if (!defaultAgrees) problems.push(`${where}: default ${found.default ?? "none"}, schema.prisma says ${expected.default ?? "none"}`);
      }
      for (const extra of actual.filter((column) => !model.columns.some((expected) => expected.column === column.column))) {
        problems.push(`${model.table}.${extra.column}: in the database, not in schema.prisma`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("has each model's indexes (primary keys, uniques, indexes) and only the SQL-only ones besides", () => {
    const problems: string[] = [];
    for (const model of models) {
      const actual = shape.indexes.filter((index) => index.table === model.table);
      for (const expected of model.indexes) {
        const found = actual.find((index) => index.name === expected.name);
        if (!found) {
          problems.push(`${expected.name}: missing (${expected.columns.join(", ")})`);
          continue;
        }
        if (found.columns.join(",") !== expected.columns.join(","))
          problems.push(`${expected.name}: on (${found.columns.join(", ")}), schema.prisma says (${expected.columns.join(", ")})`);
        if (found.unique !== expected.unique || found.primary !== expected.primary || found.partial) {
          problems.push(
            `${expected.name}: unique ${found.unique}, primary ${found.primary}, partial ${found.partial}; schema.prisma says unique ${expected.unique}, primary ${expected.primary}`,
          );
        }
      }
      for (const extra of actual.filter((index) => !model.indexes.some((expected) => expected.name === index.name))) {
        if (!(extra.name in SQL_ONLY_INDEXES))
          problems.push(`${extra.name}: in the database, not in schema.prisma (add it there, or to SQL_ONLY_INDEXES with the reason)`);
      }
    }
    for (const name of Object.keys(SQL_ONLY_INDEXES)) {
      const index = shape.indexes.find((candidate) => candidate.name === name);
      if (!index) problems.push(`${name}: listed as SQL-only but not in the database`);
      // Only what schema.prisma cannot express belongs here; a plain index belongs in the model.
      else if (!index.partial) problems.push(`${name}: listed as SQL-only but not partial: declare it in schema.prisma`);
    }
    expect(problems).toEqual([]);
  });
});
