import { describe, expect, it } from "vitest";
import { groupsFromClaims, identityFromClaims } from "@/lib/auth/oidc-claims";
import { oidcScopes } from "@/lib/auth/oidc-scopes";

describe("identityFromClaims", () => {
  it("reads subject, name and email", () => {
    expect(identityFromClaims({ sub: "bob", name: "Bob Builder", email: "bob@confer.test" })).toEqual({
      subject: "bob",
      name: "Bob Builder",
      email: "bob@confer.test",
    });
  });

  it("falls back to the username, then the email, then the subject for the name", () => {
    expect(identityFromClaims({ sub: "u1", preferred_username: "bob" }).name).toBe("bob");
    expect(identityFromClaims({ sub: "u1", email: "bob@confer.test" }).name).toBe("bob@confer.test");
    expect(identityFromClaims({ sub: "u1" })).toEqual({ subject: "u1", name: "u1", email: null });
  });

  it("rejects claims without a subject", () => {
    expect(() => identityFromClaims({ name: "Nobody" })).toThrow();
  });
});

describe("groupsFromClaims", () => {
  it("reads the configured claim", () => {
    expect(groupsFromClaims({ groups: ["a", "b"] }, "groups")).toEqual(["a", "b"]);
    expect(groupsFromClaims({ roles: ["a"] }, "roles")).toEqual(["a"]);
  });

  it("accepts a single group sent as a string", () => {
    expect(groupsFromClaims({ groups: "confer-users" }, "groups")).toEqual(["confer-users"]);
  });

  it("tells an absent claim (ask userinfo) from an unusable one (no groups)", () => {
    expect(groupsFromClaims({ sub: "bob" }, "groups")).toBeUndefined();
    expect(groupsFromClaims({ groups: [1, 2] }, "groups")).toEqual([]);
  });
});

describe("oidcScopes", () => {
  it("asks for groups only when the IdP advertises the scope", () => {
    expect(oidcScopes(undefined, ["openid", "profile", "email", "groups"])).toBe("openid profile email groups");
    expect(oidcScopes(undefined, ["openid", "email", "profile"])).toBe("openid profile email");
    expect(oidcScopes(undefined, undefined)).toBe("openid profile email");
  });

  it("uses the configured scopes as they are", () => {
    expect(oidcScopes(" openid email offline_access ", ["groups"])).toBe("openid email offline_access");
  });
});
