import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { MAX_LOGO_BYTES } from "@/lib/domain/branding/branding-input";
import { seedTemplates } from "@/lib/domain/seed-templates";
import { worstContrast } from "@/lib/domain/branding/brand-color";
import { blobStorage } from "@/lib/server/storage/storage";
import { requireStackEnv } from "../../support/stack-env";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

/**
 * Branding on the running stack: the admin API, the pages it changes (read per request, so no restart), the
 * public logo route and the blob store (s3rver in the test stack). Branding is one row for the whole
 * installation: these tests run in order within this file, and no other integration test asserts on the
 * organization's name, colours or logo (every colour saved here passes AA, so audits elsewhere stay valid).
 * The defaults are restored at the end.
 */

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
const GIF = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");
const SVG = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script><rect width="10" height="10"/></svg>');
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

const branding = { displayName: "Globex Integration", signInMessage: "Welcome to Globex.\nUse your badge ID.", primaryColor: "#0f766e", accentColor: "#9a3412" };

let admin: TestUser;
let employee: TestUser;

beforeAll(async () => {
  [admin, employee] = await Promise.all([createTestUser("admin", "branding-admin"), createTestUser("employee", "branding-employee")]);
});

afterAll(async () => {
  await callApi("/api/admin/branding", { as: admin, method: "DELETE" });
  await prisma.room.deleteMany({ where: { ownerId: employee.id } });
  await deleteTestUsers([admin, employee]);
});

function page(path: string, as: TestUser | null, headers: Record<string, string> = {}) {
  return fetch(new URL(path, requireStackEnv("CONFER_APP_URL")), { headers: { ...(as ? { cookie: as.cookie } : {}), ...headers }, redirect: "manual" });
}

function putLogo(as: TestUser | null, bytes: Buffer, type: string) {
  return fetch(new URL("/api/admin/branding/logo", requireStackEnv("CONFER_APP_URL")), {
    method: "PUT",
    headers: { ...(as ? { cookie: as.cookie } : {}), "content-type": type },
    body: new Uint8Array(bytes),
  });
}

const storedLogo = () => prisma.organizationBranding.findUnique({ where: { id: "org" }, select: { logoKey: true, logoSha256: true, logoType: true } });

describe("organization branding", { timeout: 30_000 }, () => {
  it("is for admins only: the API answers 403 (401 signed out) and the page 404, changing nothing", async () => {
    const before = await prisma.organizationBranding.findUnique({ where: { id: "org" } });
    expect((await callApi("/api/admin/branding", { as: employee, method: "PUT", body: branding })).status).toBe(403);
    expect((await callApi("/api/admin/branding", { method: "PUT", body: branding })).status).toBe(401);
    expect((await callApi("/api/admin/branding", { as: employee, method: "DELETE" })).status).toBe(403);
    expect((await putLogo(employee, PNG, "image/png")).status).toBe(403);
    expect((await callApi("/api/admin/branding/logo", { as: employee, method: "DELETE" })).status).toBe(403);
    expect((await page("/admin/branding", employee)).status).toBe(404);
    expect((await page("/admin/branding", null)).status).toBe(307);
    expect((await page("/admin/branding", admin)).status).toBe(200);
    expect(await prisma.organizationBranding.findUnique({ where: { id: "org" } })).toEqual(before);
  });

  it("refuses a colour under AA with the measured ratio and the nearest passing shade, saving nothing", async () => {
    const refused = await callApi("/api/admin/branding", { as: admin, method: "PUT", body: { ...branding, primaryColor: "#FFB000" } });
    expect(refused.status).toBe(400);
    const details = (refused.body.error as unknown as { details: { fieldErrors: Record<string, string[]>; suggestions: Record<string, string> } }).details;
    expect(details.fieldErrors.primaryColor?.[0]).toMatch(/^The primary colour #ffb000 has a contrast ratio of 1\.\d\d:1 against the page background; WCAG AA needs 4\.5:1\. The nearest passing shade is #[0-9a-f]{6}/);
    expect(details.fieldErrors.accentColor).toBeUndefined();
    expect(worstContrast(details.suggestions.primaryColor!).ratio).toBeGreaterThanOrEqual(4.5);
    expect((await prisma.organizationBranding.findUnique({ where: { id: "org" } }))?.primaryColor ?? null).not.toBe("#ffb000");

    const malformed = await callApi("/api/admin/branding", { as: admin, method: "PUT", body: { ...branding, accentColor: "orange", displayName: "" } });
    expect(malformed.status).toBe(400);
    expect(Object.keys((malformed.body.error as unknown as { details: { fieldErrors: object } }).details.fieldErrors).sort()).toEqual(["accentColor", "displayName"]);
  });

  it("applies a save at once: sign-in page, header, title and colours, without a restart", async () => {
    expect((await callApi("/api/admin/branding", { as: admin, method: "PUT", body: branding })).status).toBe(200);

    const signIn = await (await page("/signin", null)).text();
    expect(signIn).toContain("Sign in to <!-- -->Globex Integration");
    expect(signIn).toContain("Welcome to Globex.\nUse your badge ID.");
    expect(signIn).toMatch(/<title>Sign in · Globex Integration<\/title>/);
    expect(signIn).toContain("--color-brand-700:#0f766e;");
    expect(signIn).toContain("--color-accent-700:#9a3412;");

    const dashboard = await (await page("/", employee)).text();
    expect(dashboard).toMatch(/data-testid="org-name">Globex Integration<\/span>/);
    expect(dashboard).toContain("--color-brand-700:#0f766e;");
  });

  it("names the organization in .ics invites", async () => {
    const policy = seedTemplates.find((template) => template.seedKey === "interview")!.policy;
    const template = await callApi("/api/templates", { as: employee, method: "POST", body: { name: "Branding invite", policy } });
    const startsAt = new Date(Date.now() + 2 * 86_400_000);
    startsAt.setUTCSeconds(0, 0);
    const schedule = await callApi("/api/schedules", {
      as: employee,
      method: "POST",
      body: { title: "Branded invite", templateId: template.body.id, startsAt: startsAt.toISOString(), durationMinutes: 30, timeZone: "UTC", weeklyOccurrences: 1, inviteeIds: [] },
    });
    expect(schedule.status).toBe(201);
    const ics = ((await callApi(`/api/schedules/${schedule.body.id as string}/ics`, { as: employee })).body as unknown as string).replace(/\r\n[ \t]/g, "");
    expect(ics).toContain("X-WR-CALNAME:Globex Integration");
    expect(ics).toContain("DESCRIPTION:Globex Integration Meet meeting\\nJoin: ");
  });

  it("stores a raster logo through the storage layer and serves it publicly with an ETag", async () => {
    const response = await putLogo(admin, PNG, "image/png");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ logoType: "image/png", size: PNG.length });
    const row = await storedLogo();
    expect(row).toMatchObject({ logoType: "image/png", logoSha256: sha256(PNG) });
    expect(row?.logoKey).toMatch(/^branding\/logo-[0-9a-f]{32}$/);
    expect(await blobStorage().size(row!.logoKey!)).toBe(PNG.length);

    const logo = await page("/branding/logo", null);
    expect(logo.status).toBe(200);
    expect(logo.headers.get("content-type")).toBe("image/png");
    expect(logo.headers.get("etag")).toBe(`"${sha256(PNG)}"`);
    expect(logo.headers.get("cache-control")).toBe("public, max-age=300");
    expect(logo.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await logo.arrayBuffer()).equals(PNG)).toBe(true);
    expect((await page("/branding/logo", null, { "if-none-match": `"${sha256(PNG)}"` })).status).toBe(304);

    const logoUrl = `/branding/logo?v=${sha256(PNG).slice(0, 16)}`;
    expect(await (await page("/signin", null)).text()).toContain(`src="${logoUrl}"`);
    expect(await (await page("/", employee)).text()).toContain(`src="${logoUrl}"`);

    // A new logo replaces the old blob.
    const second = Buffer.concat([PNG, Buffer.from("trailing bytes keep it a PNG")]);
    expect((await putLogo(admin, second, "image/png")).status).toBe(200);
    expect(await blobStorage().size(row!.logoKey!)).toBeNull();
  });

  it("refuses SVG, other types and oversized logos, keeping the current one", async () => {
    const before = await storedLogo();
    const svg = await putLogo(admin, SVG, "image/svg+xml");
    expect(svg.status).toBe(415);
    expect(((await svg.json()) as { error: { message: string } }).error.message).toContain("SVG is not accepted");
    expect((await putLogo(admin, GIF, "image/gif")).status).toBe(415);
    const oversized = Buffer.concat([PNG, Buffer.alloc(MAX_LOGO_BYTES)]);
    const tooBig = await putLogo(admin, oversized, "image/png");
    expect(tooBig.status).toBe(413);
    expect(await storedLogo()).toEqual(before);
  });

  it("removes the logo (blob and row) and restores the defaults", async () => {
    const before = await storedLogo();
    expect((await callApi("/api/admin/branding/logo", { as: admin, method: "DELETE" })).status).toBe(200);
    expect((await storedLogo())?.logoKey).toBeNull();
    expect(await blobStorage().size(before!.logoKey!)).toBeNull();
    expect((await page("/branding/logo", null)).status).toBe(404);

    expect((await callApi("/api/admin/branding", { as: admin, method: "DELETE" })).status).toBe(200);
    expect(await prisma.organizationBranding.findUnique({ where: { id: "org" } })).toBeNull();
    const signIn = await (await page("/signin", null)).text();
    expect(signIn).not.toContain("Globex Integration");
    expect(signIn).not.toContain("org-branding");
  });
});
