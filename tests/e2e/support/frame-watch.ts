import { expect, type Page } from "@playwright/test";

/**
 * Starts (or restarts) recording, on this page, when each participant's video presents a frame
 * (requestVideoFrameCallback), to find the longest freeze a person saw while something changed underneath.
 */
export function watchFrames(page: Page) {
  return page.evaluate(() => {
    type Watch = { lastAt: Map<string, number>; maxGap: Map<string, number>; videos: WeakSet<HTMLVideoElement>; timer?: number };
    const scope = window as unknown as { frameWatch?: Watch };
    if (scope.frameWatch?.timer) clearInterval(scope.frameWatch.timer);
    const watch: Watch = { lastAt: new Map(), maxGap: new Map(), videos: new WeakSet() };
    scope.frameWatch = watch;
    const follow = (video: HTMLVideoElement, id: string) => {
      const onFrame = (now: number) => {
        if (scope.frameWatch !== watch) return;
        const last = watch.lastAt.get(id);
        if (last !== undefined) watch.maxGap.set(id, Math.max(watch.maxGap.get(id) ?? 0, now - last));
        watch.lastAt.set(id, now);
        if (video.isConnected) video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
    };
    // Tiles (and their <video>) may be re-rendered when a track changes: new elements are picked up as they come.
    watch.timer = window.setInterval(() => {
      for (const tile of document.querySelectorAll<HTMLElement>("figure[data-participant-id]")) {
        const video = tile.querySelector("video");
        if (!video || watch.videos.has(video)) continue;
        watch.videos.add(video);
        follow(video, tile.dataset.participantId!);
      }
    }, 50);
  });
}

/** The longest gap between two frames of each watched participant so far, including the time since the last one. */
export function longestFreezes(page: Page, ids: string[]): Promise<Record<string, number>> {
  return page.evaluate((watched) => {
    const watch = (window as unknown as { frameWatch: { lastAt: Map<string, number>; maxGap: Map<string, number> } }).frameWatch;
    const now = performance.now();
    return Object.fromEntries(watched.map((id) => [id, Math.round(Math.max(watch.maxGap.get(id) ?? Infinity, now - (watch.lastAt.get(id) ?? -Infinity)))]));
  }, ids);
}

/** The meeting's media is carried by this path, and no move between the mesh and the SFU is under way. */
export async function expectRoute(page: Page, carrier: "mesh" | "sfu", timeout = 20_000) {
  const meeting = page.getByTestId("meeting");
  await expect(meeting).toHaveAttribute("data-media-path", carrier, { timeout });
  await expect(meeting).toHaveAttribute("data-media-switching", "false", { timeout });
}
