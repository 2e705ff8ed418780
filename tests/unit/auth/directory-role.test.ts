import { describe, expect, it } from "vitest";
import { groupKey, resolveAppRole } from "@/lib/domain/directory-role";

const policy = { adminGroups: ["confer-admins"], allowedGroups: ["confer-users"] };

describe("resolveAppRole", () => {
  it("makes members of an admin group admins", () => {
    expect(resolveAppRole(["confer-admins", "confer-users"], policy)).toBe("admin");
  });

  it("lets admins in even when they are in no allowed group", () => {
    expect(resolveAppRole(["confer-admins"], policy)).toBe("admin");
  });

  it("makes members of an allowed group employees", () => {
    expect(resolveAppRole(["confer-users", "engineering"], policy)).toBe("employee");
  });

  it("refuses users in no allowed group", () => {
    expect(resolveAppRole(["contractors"], policy)).toBeNull();
    expect(resolveAppRole([], policy)).toBeNull();
  });

  it("compares group names case-insensitively", () => {
    expect(resolveAppRole(["Confer-Admins"], policy)).toBe("admin");
    expect(resolveAppRole(["CONFER-USERS"], { adminGroups: [], allowedGroups: ["Confer-Users"] })).toBe("employee");
  });

  it("matches groups given as DNs by their cn", () => {
    expect(resolveAppRole(["cn=confer-users,ou=groups,dc=confer,dc=test"], policy)).toBe("employee");
    expect(resolveAppRole(["CN=Confer-Admins,OU=Groups,DC=corp,DC=example"], policy)).toBe("admin");
  });

  it("matches a configured DN against a plain group name", () => {
    const dnPolicy = { adminGroups: ["cn=confer-admins,ou=groups,dc=confer,dc=test"], allowedGroups: [] };
    expect(resolveAppRole(["confer-admins"], dnPolicy)).toBe("admin");
  });

  it("does not match a group whose DN merely contains an allowed name deeper down", () => {
    expect(resolveAppRole(["cn=contractors,ou=confer-users,dc=confer,dc=test"], policy)).toBeNull();
  });

  it("admits only admins when no allowed group is configured", () => {
    const adminsOnly = { adminGroups: ["confer-admins"], allowedGroups: [] };
    expect(resolveAppRole(["confer-users"], adminsOnly)).toBeNull();
    expect(resolveAppRole(["confer-admins"], adminsOnly)).toBe("admin");
  });

  it("admits every account when the allowed groups are `*`", () => {
    expect(resolveAppRole([], { adminGroups: ["confer-admins"], allowedGroups: ["*"] })).toBe("employee");
  });
});

describe("groupKey", () => {
  it("unescapes commas inside a cn", () => {
    expect(groupKey("cn=Sales\\, EMEA,ou=groups,dc=corp")).toBe("sales, emea");
  });

  it("keeps names that are not DNs as they are, lower-cased and trimmed", () => {
    expect(groupKey("  Engineering ")).toBe("engineering");
    expect(groupKey("8f1a2b3c-0000-4000-8000-000000000000")).toBe("8f1a2b3c-0000-4000-8000-000000000000");
  });
});
