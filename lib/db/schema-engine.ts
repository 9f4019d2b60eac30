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

/** The adapter splits scripts on every ";" (breaking literals and $$ bodies); run them whole instead. */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    const pool = adapter.underlyingDriver() as pg.Pool;
    adapter.executeScript = async (script: string) => {
      await pool.query(script);
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
  const factory = new WholeScriptPrismaPg({ connectionString: databaseUrl });
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
    },
  };
}
