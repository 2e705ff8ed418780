import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { requireStackEnv } from "../../support/stack-env";
import { createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

const appUrl = requireStackEnv("CONFER_APP_URL");
let owner: TestUser;

beforeAll(async () => {
  owner = await createTestUser("employee", "csrf-owner");
});

afterAll(async () => {
  await prisma.room.deleteMany({ where: { ownerId: owner.id } });
  await deleteTestUsers([owner]);
});

describe("security headers on the running app", () => {
  it.each([
    ["a page", "/signin"],
    ["an API route", "/api/health"],
    ["a page that redirects to sign-in", "/rooms"],
  ])("%s refuses framing, sniffing and cross-origin referrers, and keeps devices to this origin", async (_, path) => {
    const response = await fetch(`${appUrl}${path}`, { redirect: "manual" });
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const permissions = response.headers.get("permissions-policy") ?? "";
    for (const feature of ["camera=(self)", "microphone=(self)", "display-capture=(self)", "geolocation=()"]) expect(permissions).toContain(feature);
    // `next start` runs in production mode: browsers keep to HTTPS once they have seen the app over it.
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });
});

describe("cross-site requests on the running app", () => {
  const createRoom = (headers: Record<string, string>) =>
    fetch(`${appUrl}/api/rooms`, {
      method: "POST",
      headers: { cookie: owner.cookie, "content-type": "application/json", ...headers },
      body: JSON.stringify({ name: "CSRF probe" }),
    });

  it.each([
    ["another site", { "sec-fetch-site": "cross-site", origin: "https://evil.example" }],
    ["a sibling host of the same site", { "sec-fetch-site": "same-site", origin: "http://wiki.localhost" }],
    ["another origin, from a browser without Sec-Fetch-Site", { origin: "https://evil.example" }],
  ])("refuses a state change from %s, with the victim's session, and creates nothing", async (_, headers) => {
    const response = await createRoom(headers);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("forbidden");
    expect(await prisma.room.count({ where: { ownerId: owner.id } })).toBe(0);
  });

  it("takes the same request from the app's own pages", async () => {
    const response = await createRoom({ "sec-fetch-site": "same-origin", origin: appUrl });
    expect(response.status).toBe(201);
    expect(await prisma.room.count({ where: { ownerId: owner.id } })).toBe(1);
  });
});
