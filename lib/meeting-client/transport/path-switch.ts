import type { MediaSlot } from "@/lib/rtc";
import type { MediaView, RemoteTracks } from "./media-view";

/** Whether a remote track is carrying media now (see TrackLiveness). */
export type IsLive = (track: MediaStreamTrack | undefined) => track is MediaStreamTrack;

/**
 * What the meeting shows while it moves between the mesh and the SFU (make-before-break): per person and per
 * kind of media, the new path's track once it is live, else the old path's, so nobody's picture or voice gaps.
 */
export function mergeDuringSwitch(next: MediaView, previous: MediaView, isLive: IsLive): MediaView {
  const ids = new Set([...Object.keys(next.tracks), ...Object.keys(previous.tracks)]);
  const tracks: Record<string, Partial<Record<MediaSlot, MediaStreamTrack>>> = {};
  for (const id of ids) {
    const fromNext = next.tracks[id] ?? {};
    const fromPrevious = previous.tracks[id] ?? {};
    const slots = new Set([...Object.keys(fromNext), ...Object.keys(fromPrevious)] as MediaSlot[]);
    const chosen: Partial<Record<MediaSlot, MediaStreamTrack>> = {};
    for (const slot of slots) {
      const track = isLive(fromNext[slot]) ? fromNext[slot] : (fromPrevious[slot] ?? fromNext[slot]);
      if (track) chosen[slot] = track;
    }
    tracks[id] = chosen;
  }
  const connectionStates = { ...previous.connectionStates, ...next.connectionStates };
  for (const id of ids) if (previous.connectionStates[id] === "connected") connectionStates[id] = "connected";
  return {
    tracks,
    connectionStates,
    ratings: { ...previous.ratings, ...next.ratings },
    speaking: [...new Set([...next.speaking, ...previous.speaking])],
    activeSpeakerId: next.activeSpeakerId ?? previous.activeSpeakerId,
  };
}

/** A track of the path in use, shown all along: it carries media while packets arrive (not muted, not ended). */
export function isFlowing(track: MediaStreamTrack | undefined): track is MediaStreamTrack {
  return track !== undefined && track.readyState !== "ended" && !track.muted;
}

/**
 * The new path carries everything the old one did: each of the old path's flowing tracks has a live
 * counterpart (same person, same kind) on the new one.
 */
export function switchComplete(next: RemoteTracks, previous: RemoteTracks, isLive: IsLive): boolean {
  return Object.entries(previous).every(([id, slots]) =>
    Object.entries(slots).every(([slot, track]) => !isFlowing(track) || isLive(next[id]?.[slot as MediaSlot])),
  );
}

/** Remote tracks of a view that are not live yet: the switch looks again when each becomes live. */
export function pendingTracks(view: MediaView, isLive: IsLive): MediaStreamTrack[] {
  return Object.values(view.tracks).flatMap((slots) => Object.values(slots).filter((track) => track.readyState !== "ended" && !isLive(track)));
}

/**
 * Which remote tracks carry media. Sound counts once packets arrive (the browser unmutes the track then); a
 * picture only once a frame was decoded and presented, since the first packets precede the first keyframe by up
 * to a second and showing the track earlier would freeze the tile meanwhile. `watch` reports when a track that
 * was not live becomes live.
 */
export class TrackLiveness {
  private readonly framesSeen = new WeakSet<MediaStreamTrack>();
  private readonly watched = new WeakSet<MediaStreamTrack>();

  constructor(private readonly firstFrame: (track: MediaStreamTrack) => Promise<void> = presentedFrame) {}

  readonly isLive: IsLive = (track): track is MediaStreamTrack => {
    if (track === undefined || track.readyState === "ended" || track.muted) return false;
    return track.kind === "audio" || this.framesSeen.has(track);
  };

  watch(track: MediaStreamTrack, onLive: () => void): void {
    if (this.watched.has(track)) return;
    this.watched.add(track);
    if (track.kind === "audio") {
      track.addEventListener("unmute", onLive, { once: true });
      return;
    }
    void this.firstFrame(track).then(
      () => {
        this.framesSeen.add(track);
        onLive();
      },
      () => {},
    );
  }
}

/** A picture that has flowed this long without the probe seeing a frame counts as live all the same. */
export const FIRST_FRAME_PROBE_MS = 4_000;

/**
 * Resolves once the track's first frame has been decoded, seen by a detached, muted <video> of its own (it reaches
 * HAVE_CURRENT_DATA with a size only then), or after FIRST_FRAME_PROBE_MS, so a probe that never hears back cannot
 * hold a switch up; rejects when the track ends first.
 */
function presentedFrame(track: MediaStreamTrack): Promise<void> {
  return new Promise((resolve, reject) => {
    const video = document.createElement("video");
    video.muted = true;
    video.playsInline = true;
    const finish = (outcome: () => void) => {
      clearInterval(poll);
      clearTimeout(fallback);
      track.removeEventListener("ended", ended);
      video.srcObject = null;
      outcome();
    };
    const decoded = () => {
      if (video.readyState >= HTMLMediaElement.HAVE_CURRENT_DATA && video.videoWidth > 0) finish(resolve);
    };
    const ended = () => finish(() => reject(new Error("the track ended before its first frame")));
    const poll = setInterval(decoded, 50);
    const fallback = setTimeout(() => finish(resolve), FIRST_FRAME_PROBE_MS);
    track.addEventListener("ended", ended);
    video.addEventListener("loadeddata", decoded);
    video.addEventListener("resize", decoded);
    video.srcObject = new MediaStream([track]);
    void video.play().catch(() => {});
  });
}
