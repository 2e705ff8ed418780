import { readFileSync } from "node:fs";
import { join } from "node:path";
import { bundleForBrowser } from "../support/browser-bundle";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { mediaAssets, nodeModules } from "../../../scripts/media-assets";
import { rtcSignalSchema } from "../../../lib/signaling/rtc-signal";
import type { EffectsStartOptions } from "./effects-harness";

/** localhost is a secure context, so getUserMedia and AudioWorklet work on pages served from here by page.route. */
const ORIGIN = "http://localhost:9";

export type EffectsBundles = { page: string; worker: string };

/** The harness page and the effects worker, bundled the way a classic worker needs (an IIFE, no imports). */
export async function bundleEffects(): Promise<EffectsBundles> {
  const bundle = (entry: string) => bundleForBrowser(new URL(entry, import.meta.url));
  const [page, worker] = await Promise.all([bundle("./effects-harness.ts"), bundle("../../../lib/media/effects/video/effects-worker.ts")]);
  return { page, worker };
}

/** The model and wasm files, straight from node_modules at the paths the app serves them (public/media-models). */
const assetFiles = new Map(mediaAssets.map((asset) => [`/media-models/${asset.to}`, join(nodeModules, asset.from)]));
const contentType = (path: string) =>
  path.endsWith(".wasm") ? "application/wasm" : path.endsWith(".js") ? "text/javascript" : "application/octet-stream";

export type EffectsParticipant = { id: string; page: Page; context: BrowserContext };

/** Two or more participants, one browser context each, signals relayed in order through Node. */
export class EffectsRoom {
  readonly participants = new Map<string, EffectsParticipant>();
  readonly failures: string[] = [];
  private readonly deliveries = new Map<string, Promise<void>>();

  constructor(private readonly bundles: EffectsBundles) {}

  async join(browser: Browser, options: EffectsStartOptions): Promise<EffectsParticipant> {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => this.failures.push(`${options.selfId} page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") console.log(`[${options.selfId}] ${message.text()}`);
    });
    await page.route(`${ORIGIN}/**`, (route) => {
      const path = new URL(route.request().url()).pathname;
      if (path === "/harness.js") return route.fulfill({ contentType: "text/javascript", body: this.bundles.page });
      if (path === "/effects-worker.js") return route.fulfill({ contentType: "text/javascript", body: this.bundles.worker });
      const file = assetFiles.get(path);
      if (file) return route.fulfill({ contentType: contentType(path), body: readFileSync(file) });
      if (path === "/") return route.fulfill({ contentType: "text/html", body: '<!doctype html><html><body><script src="/harness.js"></script></body></html>' });
      return route.fulfill({ status: 404, body: "not found" });
    });
    await context.exposeBinding("sendSignal", (_source, from: string, to: string, signal: unknown) => this.relay(from, to, signal));
    await page.goto(`${ORIGIN}/`);
    await page.evaluate((start) => window.effects.start(start), options);
    const participant = { id: options.selfId, page, context };
    this.participants.set(options.selfId, participant);
    return participant;
  }

  async close(): Promise<void> {
    await Promise.all([...this.participants.values()].map(({ context }) => context.close()));
    this.participants.clear();
  }

  private relay(from: string, to: string, raw: unknown): void {
    const parsed = rtcSignalSchema.safeParse(raw);
    if (!parsed.success) {
      this.failures.push(`${from}→${to}: ${parsed.error.message}`);
      return;
    }
    const page = this.participants.get(to)?.page;
    if (!page) return;
    const delivered = (this.deliveries.get(to) ?? Promise.resolve())
      .then(() => page.evaluate(([fromId, signal]) => window.effects.receive(fromId, signal), [from, parsed.data] as const))
      .catch((error: unknown) => {
        if (!page.isClosed()) this.failures.push(`${from}→${to}: ${String(error)}`);
      });
    this.deliveries.set(to, delivered);
  }
}
