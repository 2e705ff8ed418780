import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { prisma } from "../../lib/db/prisma";
import { signedInPage } from "./support/sign-in";

const suffix = randomUUID().slice(0, 8);
const ids: string[] = [];

test.beforeAll(async () => {
  for (const [i, severity] of (["WARNING", "CRITICAL"] as const).entries()) {
    const alert = await prisma.alert.create({
      data: {
        rule: "live-meeting-degraded",
        severity,
        title: `E2E alert ${i} ${suffix}`,
        message: `Three participants degraded (${suffix}).`,
        meetingId: `e2e-alert-${suffix}-${i}`,
        dedupeKey: `e2e-alert:${suffix}:${i}`,
        createdAt: new Date(Date.now() - (2 - i) * 60_000),
      },
    });
    ids.push(alert.id);
  }
});

test.afterAll(async () => {
  await prisma.alert.deleteMany({ where: { id: { in: ids } } });
});

test("an admin sees the unread badge, marks one alert and then all alerts read, and the badge goes away", async ({ browser }) => {
  const unread = await prisma.alert.count({ where: { readAt: null } });
  expect(unread).toBeGreaterThanOrEqual(2);
  const alice = await signedInPage(browser, "alice", "/admin/alerts");
  const page = alice.page;
  await expect(page.getByRole("heading", { level: 1, name: "Alerts" })).toBeVisible();

  const headerLink = page.getByRole("banner").getByRole("link", { name: /^Analytics/ });
  const navLink = page.getByRole("navigation", { name: "Analytics" }).getByRole("link", { name: /^Alerts/ });
  await expect(headerLink.getByRole("img", { name: `${unread} unread alerts` })).toBeVisible();
  await expect(navLink.getByRole("img", { name: `${unread} unread alerts` })).toBeVisible();

  // Newest first: alert 1 was raised a minute after alert 0.
  const rows = page.getByTestId("alert-row");
  await expect(rows.filter({ hasText: suffix }).first()).toContainText(`E2E alert 1 ${suffix}`);
  const first = rows.filter({ hasText: `E2E alert 1 ${suffix}` });
  await expect(first).toContainText("Critical");
  await expect(first.getByRole("link", { name: "Meeting report" })).toHaveAttribute("href", `/admin/meetings/e2e-alert-${suffix}-1`);

  await first.getByRole("button", { name: `Mark “E2E alert 1 ${suffix}” read` }).click();
  await expect(first).toContainText("Read");
  await expect(first.getByRole("button", { name: /^Mark/ })).toHaveCount(0);
  const left = unread - 1;
  await expect(headerLink.getByRole("img", { name: `${left} unread alert${left === 1 ? "" : "s"}` })).toBeVisible();

  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(headerLink.getByRole("img")).toHaveCount(0);
  await expect(navLink.getByRole("img")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Mark all read" })).toHaveCount(0);
  expect(await prisma.alert.count({ where: { id: { in: ids }, readAt: null } })).toBe(0);

  await page.reload();
  await expect(headerLink.getByRole("img")).toHaveCount(0);
  await alice.context.close();
});
