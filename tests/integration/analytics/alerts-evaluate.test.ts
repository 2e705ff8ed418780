import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { hourWindow } from "@/lib/domain/alerts/rules";
import { evaluateAlerts } from "@/lib/server/alerts/evaluate-alerts";
import { markAlertRead } from "@/lib/server/alerts/mark-alert-read";
import { markAllAlertsRead } from "@/lib/server/alerts/mark-all-alerts-read";
import { requireStackEnv } from "../../support/stack-env";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

const appUrl = requireStackEnv("CONFER_APP_URL");
const alertsSecret = requireStackEnv("ALERTS_SECRET");
const tag = randomUUID().slice(0, 8);
const degradedId = `al-degraded-${randomUUID()}`;
const endedId = `al-ended-${randomUUID()}`;
const twoDegradedId = `al-two-${randomUUID()}`;
const fleetIds = [0, 1, 2, 3].map((i) => `al-fleet-${i}-${randomUUID()}`);
const degradedTitle = `Alert standup ${tag}`;
// The current minute: the live rule only looks at a live meeting's latest minute within the last 10 minutes.
const minute = new Date(Math.floor(Date.now() / 60_000) * 60_000);
// A private hour long ago for the fleet rule (evaluated with that "now"), so parallel tests' rollups never count.
const fleetNow = new Date(Date.UTC(1991, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000 + 30 * 60_000);
const createdKeys = new Set<string>();
let admin: TestUser;
let employee: TestUser;
const asActor = (user: TestUser): Actor => ({ id: user.id, name: user.name, email: user.email, role: user.role });

/** A meeting with one minute rollup per participant: `poor` of them mostly poor (10 of 12 samples). */
async function meetingWithMinute(id: string, title: string, participants: number, poor: number, endedAt: Date | null) {
  await prisma.meeting.create({
    data: {
      id,
      title,
      startedAt: new Date(minute.getTime() - 10 * 60_000),
      endedAt,
      qualityMinutes: {
        create: Array.from({ length: participants }, (_, i) => ({
          participationId: `${id}-p${i}`,
          minute,
          samples: 12,
          poorSamples: i < poor ? 10 : 0,
          scoreSum: i < poor ? 12 : 36,
          lossPctSum: 0,
          lossPctMax: 0,
          jitterMsSum: 0,
          rttMsSum: 0,
          bitrateInKbpsSum: 0,
          bitrateOutKbpsSum: 0,
          fpsSum: 0,
        })),
      },
    },
  });
}

/**
 * Calls a server action the way the browser does: POST to the page with the action's id (from the test build's
 * manifest, `next build` into .next-test) and the arguments as JSON. The answer is React's flight format; the
 * action result (`serverError`, `validationErrors`) appears in it as JSON text.
 */
async function callAction(name: "markAlertReadAction" | "markAllAlertsReadAction", args: unknown[], as: TestUser) {
  const manifest = JSON.parse(readFileSync(".next-test/server/server-reference-manifest.json", "utf8")) as { node: Record<string, { filename: string; exportedName: string }> };
  const id = Object.entries(manifest.node).find(([, entry]) => entry.filename === "app/admin/alerts/actions.ts" && entry.exportedName === name)?.[0];
  if (!id) throw new Error(`${name} is not in the build's server-reference manifest`);
  const response = await fetch(new URL("/admin/alerts", appUrl), {
    method: "POST",
    headers: { cookie: as.cookie, "next-action": id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component", origin: new URL(appUrl).origin },
    body: JSON.stringify(args),
    redirect: "manual",
  });
  return { status: response.status, text: await response.text() };
}

async function evaluate(authorization?: string) {
  const response = await fetch(new URL("/api/internal/alerts/evaluate", appUrl), { method: "POST", headers: authorization ? { authorization } : {} });
  const body = response.ok ? ((await response.json()) as { created: number; dedupeKeys: string[]; webhook: unknown }) : null;
  // Whatever this call raised (the fleet rule may fire on parallel tests' live data too) is ours to delete.
  for (const key of body?.dedupeKeys ?? []) createdKeys.add(key);
  return { status: response.status, body };
}

beforeAll(async () => {
  [admin, employee] = await Promise.all([createTestUser("admin", "al-admin"), createTestUser("employee", "al-employee")]);
  await meetingWithMinute(degradedId, degradedTitle, 4, 3, null);
  await meetingWithMinute(endedId, `Ended ${tag}`, 4, 4, new Date());
  await meetingWithMinute(twoDegradedId, `Two degraded ${tag}`, 4, 2, null);
  for (const [i, id] of fleetIds.entries()) {
    await prisma.meeting.create({
      data: {
        id,
        title: `Fleet ${i} ${tag}`,
        startedAt: new Date(fleetNow.getTime() - 20 * 60_000),
        endedAt: new Date(fleetNow.getTime() - 5 * 60_000),
        // One of four meetings poor (50 % of its samples): 25 % > the 20 % threshold.
        meetingMinutes: { create: { minute: new Date(fleetNow.getTime() - 10 * 60_000), samples: 12, poorSamples: i === 0 ? 6 : 0, scoreSum: 30, lossPctSum: 0, rttMsSum: 0, jitterMsSum: 0, participants: 2 } },
      },
    });
  }
});

afterAll(async () => {
  const ours = [degradedId, endedId, twoDegradedId, ...fleetIds];
  await prisma.alert.deleteMany({ where: { OR: [{ meetingId: { in: ours } }, { dedupeKey: { in: [...createdKeys] } }] } });
  await prisma.meeting.deleteMany({ where: { id: { in: ours } } });
  await deleteTestUsers([admin, employee]);
});

describe("alert evaluation", () => {
  it("refuses a missing or wrong bearer", async () => {
    expect((await evaluate()).status).toBe(401);
    expect((await evaluate(`Bearer ${"x".repeat(alertsSecret.length)}`)).status).toBe(401);
  });

  it("raises one alert for a live meeting with ≥ 3 degraded participants, and none on a second run", async () => {
    const first = await evaluate(`Bearer ${alertsSecret}`);
    expect(first.status).toBe(200);
    const key = `live-meeting-degraded:${degradedId}:${hourWindow(minute)}`;
    expect(first.body?.dedupeKeys).toContain(key);
    // No webhook in the test stack's Next.js: nothing to deliver.
    expect(first.body?.webhook).toBeNull();

    const alerts = await prisma.alert.findMany({ where: { meetingId: { in: [degradedId, endedId, twoDegradedId] } } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      rule: "live-meeting-degraded",
      severity: "WARNING",
      meetingId: degradedId,
      dedupeKey: key,
      readAt: null,
      webhookStatus: null,
      webhookAttempts: 0,
    });
    expect(alerts[0]?.title).toContain(degradedTitle);
    expect(alerts[0]?.data).toMatchObject({ participants: 4, degraded: [`${degradedId}-p0`, `${degradedId}-p1`, `${degradedId}-p2`] });

    const second = await evaluate(`Bearer ${alertsSecret}`);
    expect(second.status).toBe(200);
    expect(second.body?.dedupeKeys).not.toContain(key);
    expect(await prisma.alert.count({ where: { meetingId: degradedId } })).toBe(1);
  });

  it("raises the fleet alert when > 20 % of the last hour's meetings were poor, once per hour", async () => {
    const key = `fleet-poor-quality:all:${hourWindow(fleetNow)}`;
    createdKeys.add(key);
    const first = await evaluateAlerts(fleetNow, { webhook: false });
    expect(first.map((a) => a.dedupeKey)).toEqual([key]);
    const stored = await prisma.alert.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(stored).toMatchObject({ rule: "fleet-poor-quality", severity: "WARNING", meetingId: null, data: { poor: 1, total: 4, share: 0.25 } });
    expect(await evaluateAlerts(new Date(fleetNow.getTime() + 60_000), { webhook: false })).toEqual([]);
    expect(await prisma.alert.count({ where: { dedupeKey: key } })).toBe(1);
  });
});

describe("/admin/alerts", () => {
  it("lists the alert for admins with a report link, and badges the header and nav with the unread count", async () => {
    await evaluate(`Bearer ${alertsSecret}`);
    const page = await callApi("/admin/alerts", { as: admin });
    expect(page.status).toBe(200);
    const html = String(page.body);
    expect(html).toContain(degradedTitle);
    expect(html).toContain(`/admin/meetings/${degradedId}`);
    // Header "Analytics" link and the admin nav's "Alerts" link both carry the badge.
    const badges = html.match(/aria-label="(\d+) unread alerts?"/g) ?? [];
    expect(badges).toHaveLength(2);
    expect(Number(/(\d+)/.exec(badges[0]!)?.[1])).toBeGreaterThanOrEqual(1);
  });

  it("is a 404 for employees and sends visitors to sign in; employees get no badge", async () => {
    expect((await callApi("/admin/alerts", { as: employee })).status).toBe(404);
    expect([303, 307]).toContain((await callApi("/admin/alerts")).status);
    const home = await callApi("/", { as: employee });
    expect(String(home.body)).not.toContain("unread alert");
  });

  it("lets only admins mark alerts read", async () => {
    const alert = await prisma.alert.findFirstOrThrow({ where: { meetingId: degradedId } });
    await expect(markAlertRead(asActor(employee), alert.id)).rejects.toMatchObject({ code: "forbidden" });
    await expect(markAllAlertsRead(asActor(employee), new Date())).rejects.toMatchObject({ code: "forbidden" });
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).readAt).toBeNull();

    await markAlertRead(asActor(admin), alert.id);
    const read = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(read.readAt).toBeInstanceOf(Date);
    // Marking again keeps the first read time; an unknown id is a 404.
    await markAlertRead(asActor(admin), alert.id, new Date(Date.now() + 60_000));
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).readAt).toEqual(read.readAt);
    await expect(markAlertRead(asActor(admin), `missing-${tag}`)).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses the mark-read server actions to employees over HTTP, and runs them for admins", async () => {
    const alert = await prisma.alert.findFirstOrThrow({ where: { meetingId: degradedId } });
    await prisma.alert.update({ where: { id: alert.id }, data: { readAt: null } });
    const refused = await callAction("markAlertReadAction", [{ id: alert.id }], employee);
    expect(refused.text).toContain("Only admins can manage alerts.");
    const refusedAll = await callAction("markAllAlertsReadAction", [{ upTo: new Date().toISOString() }], employee);
    expect(refusedAll.text).toContain("Only admins can manage alerts.");
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).readAt).toBeNull();
    // zod: a malformed id never reaches the use case.
    expect((await callAction("markAlertReadAction", [{ id: "" }], admin)).text).toContain("validationErrors");

    const done = await callAction("markAlertReadAction", [{ id: alert.id }], admin);
    expect(done.status).toBe(200);
    expect(done.text).not.toContain("serverError");
    expect((await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } })).readAt).toBeInstanceOf(Date);
  });
});
