/**
 * Zero-setup Postgres for development and tests: PGlite (Postgres compiled to WebAssembly) served over the
 * wire protocol on 127.0.0.1, so Prisma, `pg` and psql talk to it like to any server.
 *
 *   npx tsx scripts/services/embedded-postgres.ts --data-dir .data/postgres --port 54329
 *
 * Prints exactly one stdout line, `READY <url>`, once it accepts connections (orchestrators wait for it);
 * everything else goes to stderr. Orchestrators should spawn node_modules/.bin/tsx directly: `npx` and
 * `npm run` do not pass SIGTERM on, and the server would outlive them.
 *
 * Caveat: PGlite is a single backend, so every connection shares ONE session. A transaction blocks all other
 * connections until it ends, and session state (SET, temp tables, advisory locks) is visible to everyone.
 * The database name in a connection URL is ignored.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { serializeProtocolExchanges } from "./pglite-exchange-queue";

const HOST = "127.0.0.1";
/** Pools of Next.js, PartyKit callbacks, tests and Prisma CLI together; the socket server's default is 1. */
const MAX_CONNECTIONS = 100;

const { values: args } = parseArgs({
  options: {
    "data-dir": { type: "string", default: ".data/postgres" },
    port: { type: "string", default: "54329" },
  },
});
const dataDir = path.resolve(args["data-dir"]);
const port = Number(args.port);
if (!Number.isInteger(port) || port <= 0 || port > 65_535) fail(`--port must be a TCP port, got "${args.port}"`);

// The Postgres files live in a subfolder so the lock file never sits inside PGDATA.
const pgDataDir = path.join(dataDir, "pgdata");
const lockFile = path.join(dataDir, "embedded-postgres.pid");

mkdirSync(dataDir, { recursive: true });
acquireLock();
// Whatever ends the process (shutdown, a startup failure, a crash) frees the folder; after `kill -9` the next
// start finds the stale lock.
process.on("exit", releaseLock);

const startedAt = performance.now();
const db = await PGlite.create({ dataDir: pgDataDir });
const server = new PGLiteSocketServer({ db, host: HOST, port, maxConnections: MAX_CONNECTIONS });
serializeProtocolExchanges(server, db);
try {
  await server.start();
} catch (error) {
  await db.close();
  const inUse = (error as NodeJS.ErrnoException).code === "EADDRINUSE";
  fail(inUse ? `port ${port} on ${HOST} is already in use` : `cannot listen on ${HOST}:${port}: ${String(error)}`);
}

const url = `postgresql://postgres:postgres@${HOST}:${port}/postgres`;
console.error(`embedded-postgres: ${pgDataDir} ready in ${Math.round(performance.now() - startedAt)} ms`);
console.log(`READY ${url}`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => void shutdown(signal));
}

/** Closing PGlite (not just the socket) is what flushes its in-memory state to the data folder. */
async function shutdown(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.error(`embedded-postgres: ${signal} received, shutting down`);
  await server.stop();
  await db.close();
  process.exit(0);
}

/**
 * PGlite has no lock of its own: two processes on one folder would corrupt it. The lock holds our pid; a lock
 * whose process is gone (crash, `kill -9`, container restart) is stale and taken over.
 */
function acquireLock(): void {
  try {
    writeFileSync(lockFile, `${process.pid}\n`, { flag: "wx" });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const owner = Number.parseInt(readFileSync(lockFile, "utf8"), 10);
  if (Number.isInteger(owner) && owner !== process.pid && isEmbeddedPostgres(owner)) {
    fail(`${dataDir} is in use by embedded Postgres process ${owner} (lock ${lockFile}); stop it first`);
  }
  console.error(`embedded-postgres: taking over stale lock ${lockFile} (pid ${owner} is gone)`);
  rmSync(lockFile, { force: true });
  writeFileSync(lockFile, `${process.pid}\n`, { flag: "wx" });
}

/** Pids are reused, so a live pid only counts if it is still this script (when /proc can tell). */
function isEmbeddedPostgres(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("embedded-postgres");
  } catch {
    return true;
  }
}

function releaseLock(): void {
  try {
    if (readFileSync(lockFile, "utf8").trim() === String(process.pid)) rmSync(lockFile);
  } catch {
    // Already gone: nothing to release.
  }
}

function fail(message: string): never {
  console.error(`embedded-postgres: ${message}`);
  process.exit(1);
}
