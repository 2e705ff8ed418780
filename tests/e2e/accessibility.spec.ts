import { randomUUID } from "node:crypto";
import { type Browser, expect, type Page, test } from "@playwright/test";
import { prisma } from "../../lib/db/prisma";
import { violationsInEveryTheme } from "./support/axe";
import { createRoom, deleteRoom } from "./support/meeting";
import { signedInPage } from "./support/sign-in";

/**
 * axe-core over the app's pages, as an employee and as an admin sees them: WCAG 2.0 and 2.1, levels A and AA.
 * Each page is audited in the light, dark and high-contrast themes (support/axe.ts), in the same browser context.
 * Each page must have no violation at all (the meeting's states: accessibility-meeting.spec.ts).
 */

test("the sign-in page has no WCAG 2.1 AA violation", async ({ page }) => {
  await page.goto("/signin");
  await expect(page.getByRole("button", { name: /^Sign in with/ }).first()).toBeVisible();
  expect(await violationsInEveryTheme(page)).toEqual([]);
});

/** Opens each page as `username`, waits for it to settle, and collects every violation, named by page. */
async function auditPages(browser: Browser, username: string, pages: (slug: string) => [string, string][], check?: (name: string, page: Page) => Promise<void>) {
  const person = await signedInPage(browser, username);
  const room = await createRoom(person.page.request, `Audit ${Date.now().toString(36)}`);
  try {
    const found: string[] = [];
    for (const [name, path] of pages(room.slug)) {
      const response = await person.page.goto(path);
      expect(response?.status(), `${name} (${path})`).toBe(200);
      await person.page.waitForLoadState("networkidle");
      await check?.(name, person.page);
      found.push(...(await violationsInEveryTheme(person.page)).map((violation) => `${name}: ${violation}`));
    }
    expect(found).toEqual([]);
  } finally {
    await deleteRoom(person.page.request, room);
    await person.context.close();
  }
}

// Split in two so that each stays well inside the test timeout on a loaded machine (≈ 1 min together).
test("every page an employee opens has no WCAG 2.1 AA violation", async ({ browser }) => {
  await auditPages(browser, "bob", (slug) => [
    ["dashboard", "/"],
    ["templates", "/templates"],
    ["new template", "/templates/new"],
    ["schedule a meeting", "/schedules/new"],
    ["meeting history", "/meetings"],
    ["recordings", "/recordings"],
    ["room settings", `/rooms/${slug}/settings`],
    ["meeting lobby", `/rooms/${slug}?video=low`],
  ]);
});

/**
 * A finished meeting on a private day long past, with minute rollups and per-person quality, so the overview and
 * the report draw their charts whatever else the run has done (an audit of an empty chart would prove nothing).
 */
async function seedChartedMeeting() {
  const id = `e2e-a11y-${randomUUID().slice(0, 8)}`;
  const day = new Date(Date.UTC(1975, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000 + 9 * 3_600_000);
  const at = (minute: number) => new Date(day.getTime() + minute * 60_000);
  const quality = { samples: 12, poorSamples: 0, scoreSum: 36, lossPctSum: 0, lossPctMax: 0, jitterMsSum: 120, rttMsSum: 1200, bitrateInKbpsSum: 6000, bitrateOutKbpsSum: 6000, fpsSum: 300 };
  await prisma.meeting.create({
    data: {
      id,
      title: `Audit ${id}`,
      startedAt: day,
      endedAt: at(3),
      endReason: "EMPTY",
      participations: { create: [{ id: `${id}-p`, displayName: "Audit Host", role: "HOST", joinedAt: day, leftAt: at(3), leaveReason: "left" }] },
      meetingMinutes: { create: [0, 1, 2].map((minute) => ({ minute: at(minute), samples: 12, poorSamples: 0, scoreSum: 36, lossPctSum: 0, rttMsSum: 0, jitterMsSum: 0, participants: 1 })) },
      qualityMinutes: { create: [0, 1, 2].map((minute) => ({ participationId: `${id}-p`, minute: at(minute), ...quality })) },
    },
  });
  const dayInput = (date: Date) => date.toISOString().slice(0, 10);
  return { id, from: dayInput(day), to: dayInput(new Date(day.getTime() + 86_400_000)) };
}

test("the admin pages, with their charts drawn, have no WCAG 2.1 AA violation", async ({ browser }) => {
  const meeting = await seedChartedMeeting();
  try {
    await auditPages(
      browser,
      "alice",
      () => [
        ["dashboard (admin)", "/"],
        ["analytics overview", `/admin?from=${meeting.from}&to=${meeting.to}`],
        ["meetings report list", `/admin/meetings?from=${meeting.from}&to=${meeting.to}`],
        ["post-call report", `/admin/meetings/${meeting.id}`],
        ["alerts", "/admin/alerts"],
        ["branding", "/admin/branding"],
      ],
      // The charts are what this audit is about: they must be there.
      async (name, page) => {
        if (name === "analytics overview" || name === "post-call report") await expect(page.locator("svg.recharts-surface").first()).toBeVisible();
      },
    );
  } finally {
    await prisma.meeting.deleteMany({ where: { id: meeting.id } });
  }
});
