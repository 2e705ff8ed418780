import type { ConnectionRating } from "@/lib/domain/connection-quality";
import type { MediaSlot } from "@/lib/rtc";
import type { PeerStats } from "@/lib/meeting-client/state/local-quality";

export type RemoteTracks = Readonly<Record<string, Partial<Record<MediaSlot, MediaStreamTrack>>>>;

/** What a media path shows of the others: their tracks, how each link is doing, who speaks. */
export type MediaView = {
  tracks: RemoteTracks;
  connectionStates: Readonly<Record<string, RTCPeerConnectionState>>;
  /** This browser's view of its connection with each person, from the engine's stats. */
  ratings: Readonly<Record<string, ConnectionRating>>;
  /** People whose microphone level is above the speaking threshold right now. */
  speaking: readonly string[];
  activeSpeakerId: string | null;
};

export const EMPTY_MEDIA_VIEW: MediaView = { tracks: {}, connectionStates: {}, ratings: {}, speaking: [], activeSpeakerId: null };

/** The latest stats of each connection, keyed by the remote participant (or an SFU leg), for quality reports. */
export type StatsReading = (PeerStats & { peerId: string })[];

export function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

export function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

export function withTrack(view: MediaView, participantId: string, slot: MediaSlot, track: MediaStreamTrack): MediaView {
  return { ...view, tracks: { ...view.tracks, [participantId]: { ...view.tracks[participantId], [slot]: track } } };
}

/** Everything known about one person gone, as when they leave. */
export function withoutParticipant(view: MediaView, participantId: string): MediaView {
  return {
    ...view,
    tracks: without(view.tracks, participantId),
    connectionStates: without(view.connectionStates, participantId),
    ratings: without(view.ratings, participantId),
    speaking: view.speaking.filter((id) => id !== participantId),
    activeSpeakerId: view.activeSpeakerId === participantId ? null : view.activeSpeakerId,
  };
}
