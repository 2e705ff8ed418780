import { expect, type Page, test } from "@playwright/test";
import { createRoom, deleteRoom } from "./support/meeting";
import { signedInPage } from "./support/sign-in";

/**
 * The main pages from phone to desktop (issue 15): at 360×740, 768×1024 and 1440×900 nothing overflows sideways,
 * and a screenshot of each is kept with the run's results (test-results/e2e/…). The meeting itself at phone size:
 * responsive-meeting.spec.ts.
 */
const VIEWPORTS = [
  { name: "phone", width: 360, height: 740 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "desktop", width: 1440, height: 900 },
] as const;

/** How far the page reaches beyond the viewport's width (0 when nothing overflows sideways). */
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test("the main pages fit phone, tablet and desktop widths, with a screenshot of each", async ({ browser }, testInfo) => {
  const alice = await signedInPage(browser, "alice");
  const room = await createRoom(alice.page.request, `Responsive ${Date.now().toString(36)}`);
  const pages: [string, string][] = [
    ["dashboard", "/"],
    ["meeting history", "/meetings"],
    ["recordings", "/recordings"],
    ["templates", "/templates"],
    ["schedule a meeting", "/schedules/new"],
    ["room settings", `/rooms/${room.slug}/settings`],
    ["analytics", "/admin"],
  ];
  try {
    const overflowing: string[] = [];
    for (const viewport of VIEWPORTS) {
      await alice.page.setViewportSize(viewport);
      for (const [name, path] of pages) {
        const response = await alice.page.goto(path);
        expect(response?.status(), `${name} (${path})`).toBe(200);
        await alice.page.waitForLoadState("networkidle");
        await alice.page.screenshot({ path: testInfo.outputPath(`${viewport.name}-${name.replaceAll(" ", "-")}.png`), fullPage: true });
        const overflow = await sidewaysOverflow(alice.page);
        if (overflow > 0) overflowing.push(`${name} at ${viewport.width}px: ${overflow}px too wide`);
      }
    }
    expect(overflowing).toEqual([]);
  } finally {
    await deleteRoom(alice.page.request, room);
    await alice.context.close();
  }
});
