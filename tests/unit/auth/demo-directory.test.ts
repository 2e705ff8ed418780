import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { demoGroupNames, loadDemoDirectory } from "@/scripts/dev-idp/directory";
import { registeredAppOrigins } from "@/scripts/dev-idp/options";
import { demoDirectoryLdif, sshaHash } from "@/scripts/services/ldap/directory-ldif";

describe("demo directory", () => {
  const directory = loadDemoDirectory();

  it("holds the users docs/demo-directory.md describes", () => {
    expect(directory.users.map((user) => user.username)).toEqual(["alice", "bob", "carol", "dan", "mallory"]);
    expect(demoGroupNames(directory)).toEqual(["confer-admins", "confer-users", "contractors", "engineering", "sales"]);
  });

  it("becomes LDIF with one groupOfNames per group listing its members' DNs", () => {
    const ldif = demoDirectoryLdif(directory);
    expect(ldif).toContain("dn: uid=alice,ou=people,dc=confer,dc=test");
    expect(ldif).toMatch(
      /dn: cn=confer-admins,ou=groups,dc=confer,dc=test\nobjectClass: groupOfNames\ncn: confer-admins\nmember: uid=alice,ou=people,dc=confer,dc=test\n\n/,
    );
    expect(ldif).not.toContain(`userPassword: ${directory.password}`);
  });
});

describe("sshaHash", () => {
  it("is SHA-1 over password and salt, followed by the salt", () => {
    const hash = sshaHash("confer-demo");
    const bytes = Buffer.from(hash.replace("{SSHA}", ""), "base64");
    const salt = bytes.subarray(20);
    expect(createHash("sha1").update("confer-demo").update(salt).digest()).toEqual(bytes.subarray(0, 20));
  });
});

describe("registeredAppOrigins", () => {
  it("registers a loopback app under both localhost and 127.0.0.1", () => {
    expect(registeredAppOrigins(["http://localhost:3000", "http://127.0.0.1:3100/"]).sort()).toEqual([
      "http://127.0.0.1:3000",
      "http://127.0.0.1:3100",
      "http://localhost:3000",
      "http://localhost:3100",
    ]);
  });

  it("registers other hosts as they are", () => {
    expect(registeredAppOrigins(["https://meet.example.com"])).toEqual(["https://meet.example.com"]);
  });
});
