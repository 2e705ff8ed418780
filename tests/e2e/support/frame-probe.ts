import { bundleForBrowser } from "./browser-bundle";
import type { BrowserContext, Locator, Page } from "@playwright/test";
import type { BackgroundImageId } from "../../../lib/media/effects/effect-settings";
import type { RegionMetrics } from "../harness/frame-metrics";
import type { FractionRegion } from "./frame-probe-page";

export type { FractionRegion };

/** Bundles frame-probe-page.ts and adds it to every page of `context` (before the app's own scripts). */
export async function installFrameProbe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: await bundleForBrowser(new URL("./frame-probe-page.ts", import.meta.url)) });
}

type ProbeWindow = {
  frameProbe: {
    measure(selector: string, regions: FractionRegion[], image: BackgroundImageId | null): Promise<RegionMetrics[]>;
    audioLevels(selector: string, durationMs: number): Promise<number[]>;
  };
};

/** Metrics of the frames `video` shows, region by region (averaged over five frames), keyed by region name. */
export async function measureVideo(video: Locator, regions: FractionRegion[], image: BackgroundImageId | null = null): Promise<Record<string, RegionMetrics>> {
  const marker = `probe-${Math.random().toString(36).slice(2)}`;
  await video.evaluate((element, id) => element.setAttribute("data-frame-probe", id), marker);
  const metrics = await video.page().evaluate(
    ([selector, wanted, against]) => (window as unknown as ProbeWindow).frameProbe.measure(selector, wanted, against),
    [`[data-frame-probe="${marker}"]`, regions, image] as const,
  );
  return Object.fromEntries(metrics.map((metric) => [metric.name, metric]));
}

/**
 * What `participantId` sends, over ~20 ms windows (dBFS): the loudest (speech) and the quietest tenth (the noise
 * floor between words). Five seconds: the speech fixture pauses up to 2 s between sentences.
 */
export async function remoteAudioStats(page: Page, participantId: string, durationMs = 5_000): Promise<{ peakDb: number; floorDb: number }> {
  const levels = await page.evaluate(
    ([selector, duration]) => (window as unknown as ProbeWindow).frameProbe.audioLevels(selector, duration),
    [`audio[data-participant-audio="${participantId}"]`, durationMs] as const,
  );
  const sorted = [...levels].sort((a, b) => a - b);
  return { peakDb: sorted.at(-1) ?? -120, floorDb: sorted[Math.floor(sorted.length / 10)] ?? -120 };
}
