/**
 * A throwaway OpenLDAP server seeded with the demo directory, for tests and optional dev use.
 *
 *   npx tsx scripts/services/ldap-server.ts --port 3389 [--data-dir <dir>]
 *
 * Prints `READY ldap://127.0.0.1:<port>` once a bind works, or `SKIP …` and exits 3 when slapd is missing.
 * The database is rebuilt at every start; a data dir it created itself (no --data-dir) is removed on exit.
 */
import { execFileSync, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { Client } from "ldapts";
import { z } from "zod";
import { devPorts } from "../../lib/config/ports";
import { loadDemoDirectory } from "../dev-idp/directory";
import { demoDirectoryLdif, demoLdapLayout, sshaHash } from "./ldap/directory-ldif";
import { findSlapdBinaries, slapdMissingMessage, type SlapdBinaries } from "./ldap/slapd-binaries";

const readyTimeoutMs = 15_000;

const { values } = parseArgs({ options: { port: { type: "string" }, "data-dir": { type: "string" } }, strict: true });
const port = z.coerce.number().int().min(1).max(65_535).parse(values.port ?? devPorts.ldap);
const url = `ldap://127.0.0.1:${port}`;

const binaries = findSlapdBinaries();
if (!binaries) {
  console.log(slapdMissingMessage);
  process.exit(3);
}

const ownsDataDir = values["data-dir"] === undefined;
const dataDir = ownsDataDir ? mkdtempSync(join(tmpdir(), "confer-ldap-")) : resolve(values["data-dir"] ?? "");
const directory = loadDemoDirectory();

function removeOwnedDataDir() {
  if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
}

function writeConfiguration(slapd: SlapdBinaries): string {
  const dbDir = join(dataDir, "db");
  rmSync(dbDir, { recursive: true, force: true });
  mkdirSync(dbDir, { recursive: true });
  const replacements: Record<string, string> = {
    SCHEMA_DIR: slapd.schemaDir,
    MODULE_DIR: slapd.moduleDir,
    RUN_DIR: dataDir,
    DB_DIR: dbDir,
    SUFFIX: demoLdapLayout.suffix,
    ROOT_DN: demoLdapLayout.rootDn,
    ROOT_PASSWORD_HASH: sshaHash(directory.password),
  };
  const template = readFileSync(new URL("./ldap/slapd.conf.template", import.meta.url), "utf8");
  const configPath = join(dataDir, "slapd.conf");
  writeFileSync(configPath, template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => replacements[key] ?? ""));
  return configPath;
}

async function bindWorks(): Promise<boolean> {
  const client = new Client({ url, connectTimeout: 1_000, timeout: 1_000 });
  try {
    await client.bind(demoLdapLayout.rootDn, directory.password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

const configPath = writeConfiguration(binaries);
const ldifPath = join(dataDir, "directory.ldif");
writeFileSync(ldifPath, demoDirectoryLdif(directory));
try {
  execFileSync(binaries.slapadd, ["-q", "-f", configPath, "-l", ldifPath], { stdio: ["ignore", "ignore", "pipe"] });
} catch (error) {
  console.error("ldap-server: slapadd failed", error instanceof Error ? error.message : error);
  removeOwnedDataDir();
  process.exit(1);
}

// `-d 0` keeps slapd in the foreground as our child, so it dies with us instead of daemonizing.
const slapd = spawn(binaries.slapd, ["-d", "0", "-h", `${url}/`, "-f", configPath], {
  // Both of slapd's streams go to our stderr: stdout is reserved for the READY line.
  stdio: ["ignore", 2, 2],
});
let stopping = false;
let exitCode = 0;
slapd.on("exit", (code, signal) => {
  removeOwnedDataDir();
  if (!stopping) console.error(`ldap-server: slapd exited unexpectedly (code ${code}, signal ${signal})`);
  process.exit(stopping ? exitCode : 1);
});

function stop() {
  stopping = true;
  slapd.kill("SIGTERM");
}
process.once("SIGINT", stop);
process.once("SIGTERM", stop);

const deadline = Date.now() + readyTimeoutMs;
while (!(await bindWorks())) {
  if (Date.now() > deadline) {
    console.error(`ldap-server: slapd did not accept a bind on ${url} within ${readyTimeoutMs} ms`);
    exitCode = 1;
    stop();
    break;
  }
  await new Promise((done) => setTimeout(done, 100));
}
if (!stopping) console.log(`READY ${url}`);
