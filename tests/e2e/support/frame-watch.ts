import { expect, type Page } from "@playwright/test";

/**
 * Starts (or restarts) recording, on this page, when each participant's video presents a frame
 * (requestVideoFrameCallback), to find the longest freeze a person saw while something changed underneath.
 */
export function watchFrames(page: Page) {
  return page.evaluate(() => {
    type Watch = {
      startedAt: number;
      lastAt: Map<string, number>;
      maxGap: Map<string, number>;
      /** When the longest gap ended, and what happened on the page meanwhile (for the failure message). */
      maxGapEnd: Map<string, number>;
      events: { at: number; what: string }[];
      videos: WeakSet<HTMLVideoElement>;
      timer?: number;
      observer?: MutationObserver;
    };
    const scope = window as unknown as { frameWatch?: Watch };
    if (scope.frameWatch?.timer) clearInterval(scope.frameWatch.timer);
    scope.frameWatch?.observer?.disconnect();
    const watch: Watch = { startedAt: performance.now(), lastAt: new Map(), maxGap: new Map(), maxGapEnd: new Map(), events: [], videos: new WeakSet() };
    scope.frameWatch = watch;
    const meeting = document.querySelector<HTMLElement>('[data-testid="meeting"]');
    if (meeting) {
      watch.observer = new MutationObserver(() =>
        watch.events.push({ at: performance.now(), what: `route ${meeting.dataset.mediaPath}${meeting.dataset.mediaSwitching === "true" ? " (switching)" : ""}` }),
      );
      watch.observer.observe(meeting, { attributes: true, attributeFilter: ["data-media-path", "data-media-switching"] });
    }
    const follow = (video: HTMLVideoElement, id: string) => {
      let trackId: string | undefined;
      const onFrame = (now: number) => {
        if (scope.frameWatch !== watch) return;
        const shown = (video.srcObject as MediaStream | null)?.getVideoTracks()[0]?.id;
        if (shown !== trackId) watch.events.push({ at: now, what: `${id.slice(0, 8)} shows track ${shown?.slice(0, 8)}` });
        trackId = shown;
        const last = watch.lastAt.get(id);
        if (last !== undefined && now - last > (watch.maxGap.get(id) ?? 0)) {
          watch.maxGap.set(id, now - last);
          watch.maxGapEnd.set(id, now);
        }
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
        watch.events.push({ at: performance.now(), what: `${tile.dataset.participantId!.slice(0, 8)} new video element` });
        follow(video, tile.dataset.participantId!);
      }
    }, 50);
  });
}

/**
 * The longest gap between two frames of each watched participant so far (including the time since the last one),
 * and a timeline of what happened on the page (route changes, track and element changes) to explain a long one.
 */
export function longestFreezes(page: Page, ids: string[]): Promise<{ freezes: Record<string, number>; timeline: string }> {
  return page.evaluate((watched) => {
    type Watch = { startedAt: number; lastAt: Map<string, number>; maxGap: Map<string, number>; maxGapEnd: Map<string, number>; events: { at: number; what: string }[] };
    const watch = (window as unknown as { frameWatch: Watch }).frameWatch;
    const now = performance.now();
    const since = (at: number) => `${Math.round(at - watch.startedAt)} ms`;
    const freezes = Object.fromEntries(watched.map((id) => [id, Math.round(Math.max(watch.maxGap.get(id) ?? Infinity, now - (watch.lastAt.get(id) ?? -Infinity)))]));
    const gaps = watched.map((id) => `${id.slice(0, 8)} longest gap ${freezes[id]} ms ending at ${since(watch.maxGapEnd.get(id) ?? now)}`);
    const timeline = [...gaps, ...watch.events.map((event) => `${since(event.at)}: ${event.what}`)].join("\n");
    return { freezes, timeline };
  }, ids);
}

/** The meeting's media is carried by this path, and no move between the mesh and the SFU is under way. */
export async function expectRoute(page: Page, carrier: "mesh" | "sfu", timeout = 20_000) {
  const meeting = page.getByTestId("meeting");
  await expect(meeting).toHaveAttribute("data-media-path", carrier, { timeout });
  await expect(meeting).toHaveAttribute("data-media-switching", "false", { timeout });
}
