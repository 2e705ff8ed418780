import { defineConfig } from "@playwright/test";

/** Set by `npm test`, which starts the stack; specs that need the app fail fast without it (tests/e2e/support). */
const appUrl = process.env.CONFER_APP_URL;

/** Debian's Chromium: Playwright cannot download its own browser on these machines (see docs/testing.md). */
export const chromiumLaunchArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
  "--allow-loopback-in-peer-connection",
];

/** Specs that hold calls with cameras (see `projects`). */
const mediaSpecs = /(meeting|roles|rooms|rtc-engine|effects|noise-suppression|sfu|mesh-sfu-switch|large-meeting|chat-files|controls|quality-choice|recording)\.spec\.ts/;

export default defineConfig({
  testDir: "tests/e2e",
  // A subfolder, because Playwright empties it at start and the stack keeps its logs beside it.
  outputDir: "test-results/e2e",
  // About twice the slowest test measured with one of the two cores kept busy (docs/testing.md, "Time budget").
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  reporter: [["list"], ["json", { outputFile: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ?? "test-results/e2e-report.json" }]],
  use: {
    baseURL: appUrl,
    trace: "retain-on-failure",
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumLaunchArgs },
  },
  projects: [
    // Calls with cameras: one at a time on one worker, so two video calls never share the two cores; the cheap
    // page specs run beside them on the other worker (docs/testing.md).
    { name: "media", testMatch: mediaSpecs, workers: 1 },
    { name: "pages", testIgnore: [mediaSpecs, /(outage|quality|branding)\.spec\.ts/] },
    // Measures packet loss it injects itself: alone, so other specs' CPU load adds none of its own.
    { name: "lossy-path", testMatch: /quality\.spec\.ts/, dependencies: ["media", "pages"] },
    // Restarts the stack's PartyKit: only once every other test is done.
    { name: "outage", testMatch: /outage\.spec\.ts/, dependencies: ["lossy-path"] },
    // Changes the organization's branding, which every page shows: last, so no other spec sees it changed.
    { name: "branding", testMatch: /branding\.spec\.ts/, dependencies: ["outage"] },
  ],
});
