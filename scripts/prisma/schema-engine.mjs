#!/usr/bin/env node
/**
 * A stand-in for Prisma's native `schema-engine` binary, which the Prisma CLI downloads from a host this
 * network cannot reach. prisma.config.ts points PRISMA_SCHEMA_ENGINE_BINARY here, so the stock
 * `prisma migrate dev|deploy|status|diff|reset|resolve` and `prisma db push|pull|execute` run unchanged.
 *
 * It runs the same engine, compiled to WebAssembly (@prisma/schema-engine-wasm, pinned to the CLI's engine
 * hash), against Postgres through @prisma/adapter-pg, and speaks the native binary's protocol:
 *   schema-engine --version
 *   schema-engine --datasource '{"url":…}' cli can-connect-to-database|create-database
 *   schema-engine [--datamodels <file>]… --datasource '{"url":…,"shadowDatabaseUrl":…}'   (JSON-RPC on stdio)
 * Each workaround below names the gap between the wasm engine / adapter and what the CLI expects.
 */
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import * as engineGlue from "@prisma/schema-engine-wasm/schema_engine_bg";
import pg from "pg";

const CHAR_OID = 18;
const TEXT_OID = 25;

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    version: { type: "boolean", short: "V" },
    datamodels: { type: "string", multiple: true, default: [] },
    datasource: { type: "string" },
    "enabled-preview-features": { type: "string" },
    "extension-types": { type: "string" },
  },
});
const datasource = options.datasource ? JSON.parse(options.datasource) : {};

/**
 * The package's own entry imports the .wasm file as an ES module, which Node 20 only allows behind
 * --experimental-wasm-modules; instantiating it by hand against the JS glue needs no flag.
 */
async function loadWasmEngine() {
  const wasmUrl = new URL("schema_engine_bg.wasm", import.meta.resolve("@prisma/schema-engine-wasm/schema_engine_bg"));
  const { instance } = await WebAssembly.instantiate(readFileSync(wasmUrl), { "./schema_engine_bg.js": engineGlue });
  engineGlue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
}

// ---------------------------------------------------------------------------------------------------------
// `cli` sub-commands: the CLI runs these before migrating. It reads stderr as one free-text line followed by
// JSON log lines, and takes the ERROR line's error_code/message as the answer.

async function runCliCommand(command) {
  try {
    if (command === "can-connect-to-database") {
      await withClient(requireUrl(), (client) => client.query("SELECT 1"));
    } else if (command === "create-database") {
      const target = new URL(requireUrl());
      const name = decodeURIComponent(target.pathname.slice(1));
      target.pathname = "/postgres";
      await withClient(target.href, (client) => client.query(`CREATE DATABASE ${pg.escapeIdentifier(name)}`));
    } else {
      throw new Error(`unsupported cli command: ${command}`);
    }
    return 0;
  } catch (error) {
    const fields = { message: error.message, error_code: cliErrorCode(error) };
    const line = { level: "ERROR", target: "schema_engine::logger", fields };
    process.stderr.write(`schema-engine (wasm shim) ${command} failed\n${JSON.stringify(line)}`);
    return 1;
  }
}

async function withClient(url, action) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/**
 * Prisma's codes, so the CLI reacts as with the native engine (P1003 "database does not exist" → create it);
 * without a code the CLI shows the message as it is.
 */
function cliErrorCode(error) {
  if (error.code === "3D000") return "P1003";
  if (error.code === "28P01" || error.code === "28000") return "P1000";
  if (["ECONNREFUSED", "ENOTFOUND", "ETIMEDOUT", "EHOSTUNREACH"].includes(error.code)) return "P1001";
  return undefined;
}

function requireUrl() {
  if (!datasource.url) throw new Error("no datasource url: set DATABASE_URL (see prisma.config.ts)");
  return datasource.url;
}

// ---------------------------------------------------------------------------------------------------------
// JSON-RPC server: one request per stdin line, answered in order (the engine is not re-entrant).

async function serveJsonRpc() {
  const datamodels = options.datamodels.map((file) => [file, readFileSync(file, "utf8")]);
  const engine = await engineGlue.SchemaEngine.new(
    // The engine rejects an empty list; "no schema" is `undefined`.
    { datamodels: datamodels.length > 0 ? datamodels : undefined },
    (log) => process.stderr.write(log.endsWith("\n") ? log : `${log}\n`),
    bindMigrationAwareSqlAdapterFactory(new MigrationAdapterFactory(datasource)),
  );
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    if (!line.trim()) continue;
    const request = JSON.parse(line);
    // Lines without a method are the CLI's acknowledgements of our `print` requests.
    if (request.method === undefined) continue;
    inFlightId = request.id;
    send(await answer(engine, request));
    inFlightId = undefined;
    if (panicMessage !== undefined) process.exit(101);
  }
  // stdin closed: the CLI is done. The engine's open pools would otherwise keep us alive.
  process.exit(0);
}

/**
 * The engine's panic hook reports here just before the wasm traps. The trap surfaces either as the rejected
 * call or as an uncaught exception from an engine callback; either way the instance is unusable, so we
 * answer the request in flight with a panic error and exit 101, as the native engine does.
 */
let panicMessage;
let inFlightId;
globalThis.PRISMA_WASM_PANIC_REGISTRY = {
  set_message: (message) => {
    panicMessage = message;
  },
};
process.on("uncaughtException", (error) => {
  const message = panicMessage ?? error.stack ?? String(error);
  if (inFlightId !== undefined) send({ jsonrpc: "2.0", id: inFlightId, error: panicError(message) });
  console.error(message);
  process.exit(101);
});

function panicError(message) {
  return { code: 4466, message, data: { is_panic: true, message, error: { message } } };
}

async function answer(engine, { id, method, params }) {
  try {
    return { jsonrpc: "2.0", id, result: (await dispatch(engine, method, params)) ?? null };
  } catch (error) {
    if (panicMessage !== undefined) return { jsonrpc: "2.0", id, error: panicError(panicMessage) };
    const message = error?.message ?? String(error);
    return { jsonrpc: "2.0", id, error: { code: 4466, message, data: { message, error_code: error?.code, meta: error?.meta } } };
  }
}

async function dispatch(engine, method, params) {
  switch (method) {
    case "getDatabaseVersion":
      return engine.version(params);
    case "diff": {
      // The native engine prints the diff itself through a `print` request (so `--output` can capture it);
      // the wasm engine returns it instead.
      const { exitCode, stdout } = await engine.diff(params);
      if (stdout !== null && stdout !== undefined) {
        send({ jsonrpc: "2.0", id: randomUUID(), method: "print", params: { content: stdout } });
      }
      return { exitCode, stdout: null };
    }
    case "evaluateDataLoss":
      try {
        return await engine.evaluateDataLoss(params);
      } catch (error) {
        // Observed: once applyMigrations has applied something in this session, the wasm engine's
        // evaluateDataLoss fails with this error instead of using our shadow factory (a plain retry, or a
        // fresh engine, fails the same way). Running devDiagnostic first makes the same request succeed.
        if (!String(error?.message).includes("shadow DB must be provided through an external factory")) throw error;
        await engine.devDiagnostic({ migrationsList: params.migrationsList, filters: params.filters });
        return engine.evaluateDataLoss(params);
      }
    default:
      if (typeof engine[method] !== "function") throw new Error(`schema-engine (wasm shim): unknown method ${method}`);
      return engine[method](params);
  }
}

function send(message) {
  process.stdout.write(`${JSON.stringify(message)}\n`);
}

// ---------------------------------------------------------------------------------------------------------
// Driver adapter for the engine: adapter-pg, patched where it falls short of what migrations need.

class MigrationAdapterFactory {
  provider = "postgres";
  adapterName = "@prisma/adapter-pg";

  constructor({ url, shadowDatabaseUrl }) {
    this.url = url;
    this.shadowDatabaseUrl = shadowDatabaseUrl;
  }

  async connect() {
    return connectAdapter(requireUrl());
  }

  /**
   * `migrate dev` and `migrate diff --from-migrations` replay migrations in a scratch database. We make it
   * ourselves: adapter-pg's connectToShadowDb adds `database` next to our connection string, pg lets the
   * string win, and the "shadow" silently is the main database.
   */
  async connectToShadowDb() {
    if (this.shadowDatabaseUrl) return connectAdapter(this.shadowDatabaseUrl);
    const main = await this.connect();
    try {
      const [version] = (await main.queryRaw({ sql: "SELECT version()", args: [], argTypes: [] })).rows[0];
      // PGlite serves one database whatever name is asked for, so a CREATE DATABASE there would shadow nothing.
      if (String(version).includes("PGlite")) return await connectThrowawayPglite();
      const name = `prisma_migrate_shadow_db_${randomUUID()}`;
      await main.executeScript(`CREATE DATABASE ${pg.escapeIdentifier(name)}`);
      const shadowUrl = new URL(this.url);
      shadowUrl.pathname = `/${encodeURIComponent(name)}`;
      return await connectAdapter(shadowUrl.href, async () => {
        await main.executeScript(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)}`);
        await main.dispose();
      });
    } catch (error) {
      await main.dispose();
      throw error;
    }
  }
}

/** An adapter-pg connection with the patches below; `onDispose` cleans up after a shadow database. */
async function connectAdapter(url, onDispose) {
  const schema = new URL(url).searchParams.get("schema") ?? undefined;
  const adapter = await new PrismaPg({ connectionString: url }, { schema }).connect();
  teachCharColumns(adapter);
  // adapter-pg splits scripts on every ";", breaking function bodies ($$…$$) and string literals. Sent whole
  // as one simple query, Postgres runs the script in one implicit transaction, as the native engine does.
  adapter.executeScript = async (script) => {
    await adapter.executeRaw({ sql: script, args: [], argTypes: [] });
  };
  if (onDispose) {
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      await dispose();
      await onDispose();
    };
  }
  return adapter;
}

/** An in-memory PGlite on a free port, gone when the engine disposes of the shadow connection. */
async function connectThrowawayPglite() {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PGLiteSocketServer } = await import("@electric-sql/pglite-socket");
  const db = await PGlite.create();
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port: 0, maxConnections: 20 });
  await server.start();
  return connectAdapter(`postgresql://postgres@${server.getServerConn()}/postgres`, async () => {
    await server.stop();
    await db.close();
  });
}

/**
 * The engine's introspection reads catalog columns of Postgres' internal one-byte type "char" (OID 18, e.g.
 * pg_constraint.contype) as characters, but adapter-pg rejects OID 18 as an unsupported type. We let
 * adapter-pg decode such a column as text and then report it to the engine as a Character column. The patch
 * goes on adapter-pg's shared query class, so transactions get it too; the query object carries the column
 * positions from performIO (which sees the type OIDs) to queryRaw (which builds the column types).
 */
function teachCharColumns(adapter) {
  const queryable = Object.getPrototypeOf(Object.getPrototypeOf(adapter));
  if (queryable.charColumnsTaught) return;
  queryable.charColumnsTaught = true;
  const { performIO, queryRaw } = queryable;
  queryable.performIO = async function performIOWithChar(query) {
    const result = await performIO.call(this, query);
    result.fields?.forEach((field, index) => {
      if (field.dataTypeID !== CHAR_OID) return;
      field.dataTypeID = TEXT_OID;
      query.charColumns?.push(index);
    });
    return result;
  };
  queryable.queryRaw = async function queryRawWithChar(query) {
    const tagged = { ...query, charColumns: [] };
    const resultSet = await queryRaw.call(this, tagged);
    for (const index of tagged.charColumns) resultSet.columnTypes[index] = ColumnTypeEnum.Character;
    return resultSet;
  };
}

// Last, because the classes above are not hoisted.
await loadWasmEngine();
if (options.version) {
  console.log(`schema-engine-cli ${engineGlue.version()}`);
} else if (positionals[0] === "cli") {
  process.exitCode = await runCliCommand(positionals[1]);
} else {
  await serveJsonRpc();
}
