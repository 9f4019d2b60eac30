import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import pg from "pg";

/**
 * Prisma's WebAssembly schema engine, driven through @prisma/adapter-pg, so migrations run
 * offline (the Prisma CLI would download a native engine). See ../shared/reference/offline-setup.md.
 */
export type TSchemaEngine = {
  engine: SchemaEngine;
  close: () => Promise<void>;
};

export const SCHEMA_PATH = path.resolve("prisma/schema.prisma");
export const NO_FILTERS = { externalTables: [], externalEnums: [] };

type TWasmBindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg") & {
  __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
};

let loaded: Promise<typeof SchemaEngine> | undefined;

function loadSchemaEngineClass(): Promise<typeof SchemaEngine> {
  loaded ??= (async () => {
    const bg = (await import("@prisma/schema-engine-wasm/schema_engine_bg")) as unknown as TWasmBindings;
    const wasmPath = createRequire(import.meta.url)
      .resolve("@prisma/schema-engine-wasm/schema_engine_bg")
      .replace(/\.js$/, ".wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg.SchemaEngine as unknown as typeof SchemaEngine;
  })();
  return loaded;
}

const PG_INTERNAL_CHAR_OID = 18;
const PG_BPCHAR_OID = 1042;
const COLUMN_TYPE_CHARACTER = 6;

type TPgResult = { fields: { dataTypeID: number }[]; rows: unknown[] };
type TQueryable = {
  performIO: (query: unknown) => Promise<TPgResult>;
  queryRaw: (query: unknown) => Promise<{ columnTypes: number[]; rows: unknown[] }>;
};

/**
 * Two adapter gaps the schema engine hits, mended for the migrate process only:
 * - executeScript splits on every ";" (breaking literals and $$ bodies): run scripts whole;
 * - PostgreSQL's internal "char" type (OID 18, in pg_catalog) is unknown to the adapter, so
 *   every schema read fails: report it as the engine's Character column type.
 */
class SchemaEnginePrismaPg extends PrismaPg {
  readonly opened: { dispose: () => Promise<void> }[] = [];

  override async connect() {
    const adapter = await super.connect();
    this.opened.push(adapter);
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
    };
    const queryable = adapter as unknown as TQueryable;
    const charColumns = new WeakMap<unknown[], number[]>();
    const performIO = queryable.performIO.bind(adapter);
    const queryRaw = queryable.queryRaw.bind(adapter);
    queryable.performIO = async (query) => {
      const result = await performIO(query);
      const indexes = result.fields.flatMap((field, index) => (field.dataTypeID === PG_INTERNAL_CHAR_OID ? [index] : []));
      for (const index of indexes) result.fields[index]!.dataTypeID = PG_BPCHAR_OID;
      if (indexes.length) charColumns.set(result.rows, indexes);
      return result;
    };
    queryable.queryRaw = async (query) => {
      const result = await queryRaw(query);
      for (const index of charColumns.get(result.rows) ?? []) result.columnTypes[index] = COLUMN_TYPE_CHARACTER;
      return result;
    };
    return adapter;
  }
}

export async function openSchemaEngine(databaseUrl: string, schemaText?: string): Promise<TSchemaEngine> {
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY ??= {
    set_message(message: string) {
      throw new Error(`Prisma schema engine panicked: ${message}`);
    },
  };
  const SchemaEngineClass = await loadSchemaEngineClass();
  const factory = new SchemaEnginePrismaPg({ connectionString: databaseUrl });
  const datamodel = schemaText ?? fs.readFileSync(SCHEMA_PATH, "utf8");
  const logs: string[] = [];
  const engine = await SchemaEngineClass.new(
    { datamodels: [[SCHEMA_PATH, datamodel]] },
    (log: string) => logs.push(log),
    bindMigrationAwareSqlAdapterFactory(factory),
  );
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(factory.opened.map((adapter) => adapter.dispose().catch(() => {})));
    },
  };
}
