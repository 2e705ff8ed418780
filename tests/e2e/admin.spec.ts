import { readFile } from "node:fs/promises";
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { prisma } from "../../lib/db/prisma";
import { signedInPage } from "./support/sign-in";

// A private day far in the past, so no other test's meetings fall into the ranges this test filters by.
const day = new Date(Date.UTC(1981, 0, 1) + Math.floor(Math.random() * 7000) * 86_400_000 + 9 * 3_600_000);
const dayInput = day.toISOString().slice(0, 10);
const nextDayInput = new Date(day.getTime() + 86_400_000).toISOString().slice(0, 10);
const suffix = randomUUID().slice(0, 8);
const withIssue = { id: `e2e-admin-${suffix}-a`, title: `E2E review ${suffix}` };
const clean = { id: `e2e-admin-${suffix}-b`, title: `E2E standup ${suffix}` };
const guestName = `Gwen, "Guest" ${suffix}`;
const hostPid = `${withIssue.id}-host`;
const guestPid = `${withIssue.id}-guest`;
const at = (seconds: number) => new Date(day.getTime() + seconds * 1000);

function minuteRow(minute: number, score: number, participants: number) {
  return { minute: at(minute * 60), samples: 12, poorSamples: score <= 1 ? 12 : 0, scoreSum: 12 * score, lossPctSum: 0, rttMsSum: 0, jitterMsSum: 0, participants };
}

test.beforeAll(async () => {
  await prisma.meeting.create({
    data: {
      id: withIssue.id,
      title: withIssue.title,
      startedAt: day,
      endedAt: at(600),
      endReason: "EMPTY",
      participations: {
        create: [
          { id: hostPid, displayName: `Hal Host ${suffix}`, role: "HOST", joinedAt: day, leftAt: at(600), leaveReason: "left" },
          { id: guestPid, displayName: guestName, role: "PARTICIPANT", joinedAt: at(20), leftAt: at(590), leaveReason: "left" },
        ],
      },
      meetingMinutes: { create: [minuteRow(0, 1, 2), minuteRow(1, 3, 2)] },
      qualityMinutes: {
        create: [0, 1].map((minute) => ({
          participationId: guestPid,
          minute: at(minute * 60),
          samples: 12,
          poorSamples: minute === 0 ? 12 : 0,
          scoreSum: minute === 0 ? 12 : 36,
          lossPctSum: minute === 0 ? 144 : 0,
          lossPctMax: minute === 0 ? 15 : 0,
          jitterMsSum: 120,
          rttMsSum: 1200,
          bitrateInKbpsSum: 6000,
          bitrateOutKbpsSum: 6000,
          fpsSum: 300,
        })),
      },
      qualityIssues: {
        create: {
          id: `${withIssue.id}-issue`,
          kind: "PACKET_LOSS",
          severity: "CRITICAL",
          startedAt: at(10),
          endedAt: at(70),
          affectedIds: [guestPid],
          suspectedCause: "SENDER_UPLINK",
          causeParticipationId: hostPid,
          evidence: { lossPct: 12 },
        },
      },
    },
  });
  await prisma.meeting.create({
    data: {
      id: clean.id,
      title: clean.title,
      startedAt: at(3600),
      endedAt: at(4200),
      endReason: "EMPTY",
      participations: { create: { id: `${clean.id}-p`, displayName: `Solo ${suffix}`, role: "HOST", joinedAt: at(3600), leftAt: at(4200) } },
      meetingMinutes: { create: [minuteRow(60, 3, 1)] },
    },
  });
});

test.afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: { in: [withIssue.id, clean.id] } } });
});

test("an admin reviews call quality, filters meetings, opens a report and downloads its CSV; employees get 404", async ({ browser }) => {
  const alice = await signedInPage(browser, "alice");
  const { page } = alice;

  // Overview: charts with their text summaries, for a range holding exactly this test's two meetings.
  await page.goto(`/admin?from=${dayInput}&to=${dayInput}`);
  await expect(page.getByRole("heading", { level: 1, name: "Analytics overview" })).toBeVisible();
  const perDay = page.getByRole("figure").filter({ hasText: "Meetings per day" });
  await expect(perDay).toContainText(`2 meetings over 1 active days; busiest ${dayInput} with 2.`);
  await expect(perDay.locator("svg.recharts-surface")).toBeVisible();
  const scores = page.getByRole("figure").filter({ hasText: "Quality score distribution" });
  await expect(scores).toContainText("3 meeting-minutes scored: 1 at score 1, 2 at score 3.");
  await expect(scores.locator("svg.recharts-surface")).toBeVisible();
  await expect(page.getByRole("table", { name: "Quality issues by kind" }).getByRole("row", { name: "PACKET_LOSS 1" })).toBeVisible();

  // Meetings list: the date filter finds both, "only with issues" keeps one, another day excludes both.
  await page.getByRole("navigation", { name: "Analytics" }).getByRole("link", { name: "Meetings", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Meetings" })).toBeVisible();
  await page.getByLabel("From").fill(dayInput);
  await page.getByLabel("To").fill(dayInput);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status")).toHaveText("2 meetings, page 1 of 1.");
  await expect(page.getByRole("link", { name: withIssue.title })).toBeVisible();
  await expect(page.getByRole("link", { name: clean.title })).toBeVisible();

  await page.getByLabel("Only meetings with quality issues").check();
  await page.getByLabel("Order").selectOption("worst");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/issues=1/);
  await expect(page.getByRole("status")).toHaveText("1 meetings, page 1 of 1.");
  await expect(page.getByRole("link", { name: withIssue.title })).toBeVisible();
  await expect(page.getByRole("link", { name: clean.title })).toHaveCount(0);

  await page.getByLabel("From").fill(nextDayInput);
  await page.getByLabel("To").fill(nextDayInput);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByRole("status")).toHaveText("0 meetings.");
  await expect(page.getByRole("link", { name: withIssue.title })).toHaveCount(0);

  // Post-call report: the participant and the issue row.
  await page.goto(`/admin/meetings?from=${dayInput}&to=${dayInput}&issues=1`);
  await page.getByRole("link", { name: withIssue.title }).click();
  await expect(page.getByRole("heading", { level: 1, name: withIssue.title })).toBeVisible();
  const participants = page.getByRole("region", { name: "Participants" });
  await expect(participants.getByRole("rowheader", { name: guestName })).toBeVisible();
  const issueRow = page.getByRole("region", { name: "Quality issues" }).getByRole("row").filter({ hasText: "PACKET_LOSS" });
  await expect(issueRow).toContainText("critical");
  await expect(issueRow).toContainText(guestName);
  await expect(issueRow).toContainText(`SENDER_UPLINK (Hal Host ${suffix})`);

  // The issues CSV downloads as a file, with the name escaped by the CSV writer.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Issues (CSV)" }).click()]);
  expect(download.suggestedFilename()).toBe(`e2e-review-${suffix}-${dayInput}-issues.csv`);
  const csv = await readFile(await download.path(), "utf8");
  expect(csv).toBe(
    "\uFEFFissue_id,kind,severity,started_at,ended_at,duration_s,affected,affected_ids,suspected_cause,cause,cause_id,evidence\n" +
      `${withIssue.id}-issue,PACKET_LOSS,CRITICAL,${at(10).toISOString()},${at(70).toISOString()},60,"Gwen, ""Guest"" ${suffix}",${guestPid},` +
      `SENDER_UPLINK,Hal Host ${suffix},${hostPid},"{""lossPct"":12}"\n`,
  );
  const exportUrl = new URL(await page.getByRole("link", { name: "Issues (CSV)" }).getAttribute("href") ?? "", page.url()).toString();

  // An employee: the admin pages and the export both answer 404.
  const bob = await signedInPage(browser, "bob");
  expect((await bob.page.goto("/admin"))?.status()).toBe(404);
  expect((await bob.page.goto(`/admin/meetings/${withIssue.id}`))?.status()).toBe(404);
  const denied = await bob.page.request.get(exportUrl);
  expect(denied.status()).toBe(404);
  expect(await denied.text()).not.toContain(guestName);

  await Promise.all([alice.context.close(), bob.context.close()]);
});
