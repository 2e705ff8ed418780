import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:net";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { authenticateLdapUser, type LdapDirectoryConfig } from "@/lib/auth/ldap-authenticate";
import { loadDemoDirectory } from "@/scripts/dev-idp/directory";
import { demoLdapLayout, demoUserDn } from "@/scripts/services/ldap/directory-ldif";
import { findSlapdBinaries, slapdMissingMessage } from "@/scripts/services/ldap/slapd-binaries";

const repoRoot = fileURLToPath(new URL("../../..", import.meta.url));
const slapdInstalled = findSlapdBinaries() !== undefined;
if (!slapdInstalled) console.warn(`ldap integration tests: ${slapdMissingMessage}`);

const { password } = loadDemoDirectory();

async function freePort(): Promise<number> {
  const server = createServer().listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  server.close();
  if (address === null || typeof address === "string") throw new Error("no TCP port");
  return address.port;
}

/** Starts the throwaway slapd through its script, exactly as dev and the test stack do. */
async function startLdapServer(port: number): Promise<{ process: ChildProcess; url: string }> {
  const child = spawn(`${repoRoot}node_modules/.bin/tsx`, ["scripts/services/ldap-server.ts", "--port", String(port)], {
    cwd: repoRoot,
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    if (line.startsWith("READY ")) return { process: child, url: line.slice("READY ".length) };
  }
  throw new Error(`ldap-server exited before READY (code ${child.exitCode})`);
}

describe.skipIf(!slapdInstalled)("authenticateLdapUser against slapd", () => {
  let server: { process: ChildProcess; url: string };
  let config: LdapDirectoryConfig;

  beforeAll(async () => {
    server = await startLdapServer(await freePort());
    config = {
      url: server.url,
      userBaseDn: demoLdapLayout.peopleDn,
      userFilter: "(uid={{username}})",
      groupBaseDn: demoLdapLayout.groupsDn,
      groupMemberAttribute: "member",
    };
  });

  afterAll(async () => {
    if (!server || server.process.exitCode !== null) return;
    server.process.kill("SIGTERM");
    await once(server.process, "exit");
  });

  it("accepts the right password and reads the user's groups", async () => {
    const result = await authenticateLdapUser(config, "bob", password);
    expect(result).toEqual({
      ok: true,
      user: {
        subject: demoUserDn("bob"),
        name: "Bob Builder",
        email: "bob@confer.test",
        groups: expect.arrayContaining(["confer-users", "engineering"]),
      },
    });
    expect(result.ok && result.user.groups).toHaveLength(2);
  });

  it("finds users through a service account too", async () => {
    const result = await authenticateLdapUser(
      { ...config, bindDn: demoLdapLayout.rootDn, bindPassword: password },
      "alice",
      password,
    );
    expect(result.ok && result.user.groups.sort()).toEqual(["confer-admins", "confer-users"]);
  });

  it("refuses a wrong password", async () => {
    expect(await authenticateLdapUser(config, "bob", "not-the-password")).toEqual({
      ok: false,
      reason: "invalid_credentials",
    });
  });

  it("refuses an empty password, which slapd would take as an anonymous bind", async () => {
    expect(await authenticateLdapUser(config, "bob", "")).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("refuses an unknown user", async () => {
    expect(await authenticateLdapUser(config, "nobody", password)).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it.each(["*)(uid=*", "*", "bob)(|(uid=*", "b*"])("treats filter syntax in the username %j as text", async (username) => {
    expect(await authenticateLdapUser(config, username, password)).toEqual({ ok: false, reason: "invalid_credentials" });
  });

  it("reports an unreachable directory apart from bad credentials", async () => {
    const unreachable = { ...config, url: `ldap://127.0.0.1:${await freePort()}`, timeoutMs: 1_000 };
    const result = await authenticateLdapUser(unreachable, "bob", password);
    expect(result).toMatchObject({ ok: false, reason: "directory_unavailable" });
  });
});
