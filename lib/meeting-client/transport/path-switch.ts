import type { MediaSlot } from "@/lib/rtc";
import type { MediaView, RemoteTracks } from "./media-view";

/** A remote track shows frames (hears sound) once packets arrive: until then the browser keeps it muted. */
export function isLive(track: MediaStreamTrack | undefined): track is MediaStreamTrack {
  return track !== undefined && track.readyState !== "ended" && !track.muted;
}

/**
 * What the meeting shows while it moves between the mesh and the SFU (make-before-break): per person and per
 * kind of media, the new path's track once it is live, else the old path's, so nobody's picture or voice gaps.
 */
export function mergeDuringSwitch(next: MediaView, previous: MediaView): MediaView {
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

/** The new path carries everything the old one did: each live track of the old path has a live one on the new. */
export function switchComplete(next: RemoteTracks, previous: RemoteTracks): boolean {
  return Object.entries(previous).every(([id, slots]) =>
    Object.entries(slots).every(([slot, track]) => !isLive(track) || isLive(next[id]?.[slot as MediaSlot])),
  );
}

/** Remote tracks still waiting for their first packets: the switch looks again when each goes live. */
export function pendingTracks(view: MediaView): MediaStreamTrack[] {
  return Object.values(view.tracks).flatMap((slots) => Object.values(slots).filter((track) => track.muted && track.readyState !== "ended"));
}
