import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { chromiumLaunchArgs } from "../../playwright.config";
import { loadDemoDirectory } from "../../scripts/dev-idp/directory";

/** One JS file Chromium downloaded for a page: bytes on the wire (compressed body) and whether it came before `load`. */
export type Download = { file: string; wireBytes: number; beforeLoad: boolean };

/** Pages visited in the browser: the route pattern (as in the manifests) and how to reach it. */
export type Visit = { route: string; path: (roomSlug: string) => string };

export const VISITS: Visit[] = [
  { route: "/", path: () => "/" },
  { route: "/rooms/[slug]", path: (slug) => `/rooms/${slug}` },
  { route: "/admin", path: () => "/admin" },
  { route: "/admin/meetings", path: () => "/admin/meetings" },
  { route: "/recordings", path: () => "/recordings" },
];

/** What follows `load` before the page is quiet: idle-time preloads of lazily loaded parts show up here. */
const SETTLE_MS = 4000;

async function signIn(context: BrowserContext, appUrl: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(appUrl);
  await page.getByRole("button", { name: /^Sign in with/ }).first().click();
  await page.getByRole("heading", { name: "Confer dev identity provider" }).waitFor();
  await page.getByLabel("Username").fill("alice");
  await page.getByLabel("Password").fill(loadDemoDirectory().password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("signed-in-user").waitFor();
  return page;
}

type SignedIn = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** A fresh context (empty cache, the signed-in cookies) per visit: every JS response with its compressed size. */
async function downloadsOf(browser: Browser, storageState: SignedIn, url: string): Promise<Download[]> {
  const context = await browser.newContext({ storageState, permissions: ["camera", "microphone"] });
  const page = await context.newPage();
  const pending: Promise<Download>[] = [];
  let loaded = false;
  page.on("response", (response) => {
    const { pathname } = new URL(response.url());
    if (!pathname.startsWith("/_next/") || !pathname.endsWith(".js")) return;
    const beforeLoad = !loaded;
    pending.push(response.request().sizes().then((sizes) => ({ file: pathname.replace(/^\/_next\//, ""), wireBytes: sizes.responseBodySize, beforeLoad })));
  });
  await page.goto(url, { waitUntil: "load" });
  loaded = true;
  await page.waitForTimeout(SETTLE_MS);
  const downloads = await Promise.all(pending);
  await context.close();
  return downloads;
}

/** Signs in as the demo admin, makes a room, and records what each of VISITS downloads. */
export async function browserDownloads(appUrl: string): Promise<Map<string, Download[]>> {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumLaunchArgs });
  try {
    const context = await browser.newContext({ permissions: ["camera", "microphone"] });
    const page = await signIn(context, appUrl);
    const created = await page.request.post(new URL("/api/rooms", appUrl).toString(), { data: { name: `Bundle bench ${Date.now()}` } });
    const room = (await created.json()) as { id: string; slug: string };
    const result = new Map<string, Download[]>();
    const storageState = await context.storageState();
    try {
      for (const visit of VISITS) result.set(visit.route, await downloadsOf(browser, storageState, new URL(visit.path(room.slug), appUrl).toString()));
    } finally {
      await page.request.delete(new URL(`/api/rooms/${room.id}`, appUrl).toString());
    }
    return result;
  } finally {
    await browser.close();
  }
}
