import { vi } from "vitest";
import type { LocalMedia } from "@/lib/rtc";
import type { ClientMessage } from "@/lib/signaling";
import type { ConnectionHandlers } from "@/lib/meeting-client/meeting-connection";
import type { SessionConnection } from "@/lib/meeting-client/meeting-session";
import type { SessionMedia } from "@/lib/meeting-client/session-media";
import { Store } from "@/lib/meeting-client/store";
import type { JoinGrant, ReceivedGrant } from "@/lib/meeting-client/state/join-grant";
import { EMPTY_MEDIA_VIEW, type MediaView } from "@/lib/meeting-client/transport/media-view";
import type { MediaJoin, MediaRoute, MediaTransport } from "@/lib/meeting-client/transport/media-transport";

export function track(kind: "audio" | "video", id: string): MediaStreamTrack {
  return { kind, id } as MediaStreamTrack;
}

/** Devices as the React media hooks give them, with switches that change the fake's own state like the real ones. */
export class FakeMedia {
  microphone = { enabled: true, track: track("audio", "mic") as MediaStreamTrack | null, pending: false };
  camera = { enabled: true, track: track("video", "cam") as MediaStreamTrack | null, pending: false };
  screen: MediaStreamTrack | null = null;
  released = 0;
  started = 0;
  resumed = 0;

  handle(): SessionMedia {
    return {
      microphone: { ...this.microphone },
      camera: { ...this.camera },
      screen: this.screen,
      setMicrophoneEnabled: (enabled) => void (this.microphone.enabled = enabled),
      setCameraEnabled: (enabled) => void (this.camera.enabled = enabled),
      startScreenShare: async () => {
        this.screen = track("video", "screen");
        return { ok: true, track: this.screen };
      },
      stopScreenShare: () => void (this.screen = null),
      start: () => void this.started++,
      release: () => void this.released++,
      resumeAudio: () => void this.resumed++,
    };
  }
}

/** Records what the session asks of the media path. */
export class FakeTransport implements MediaTransport {
  readonly view = new Store<MediaView>(EMPTY_MEDIA_VIEW);
  readonly route = new Store<MediaRoute>({ carrier: "mesh", switching: false });
  joins: MediaJoin[] = [];
  stops = 0;
  signals: { from: string; signal: unknown }[] = [];
  removed: string[] = [];
  published: LocalMedia[] = [];
  receiveOnly: boolean[] = [];
  switches: { path: string; participantIds: readonly string[] }[] = [];
  join = (options: MediaJoin) => void this.joins.push(options);
  switchTo = (path: "mesh" | "sfu", participantIds: readonly string[]) => void this.switches.push({ path, participantIds });
  roster: readonly string[] = [];
  setRoster = (participantIds: readonly string[]) => void (this.roster = participantIds);
  stop = () => void this.stops++;
  handleSignal = (from: string, signal: unknown) => void this.signals.push({ from, signal });
  removePeer = (peerId: string) => void this.removed.push(peerId);
  setLocalMedia = (media: LocalMedia) => void this.published.push(media);
  setReceiveOnly = (value: boolean) => void this.receiveOnly.push(value);
  setReceiveCameras = vi.fn();
  setQuality = vi.fn();
  setTileSubstreams = vi.fn();
  setHiddenCameras = vi.fn();
  readStats = () => [];
}

export const GRANT: JoinGrant = {
  roomId: "room-1",
  role: "participant",
  token: "token",
  expiresAt: new Date(Date.now() + 60_000).toISOString(),
  partyHost: "127.0.0.1:1999",
  iceServers: [{ urls: "stun:127.0.0.1:3478" }],
  iceTransportPolicy: "relay",
};

/** A socket that is joined once the test says so, and records what was sent. */
export class FakeConnection implements SessionConnection {
  sent: ClientMessage[] = [];
  joined = false;
  prepared: ReceivedGrant[] = [];
  connectedWith: (ReceivedGrant | null)[] = [];
  disconnects: boolean[] = [];
  disposed = 0;
  connectResult: () => Promise<JoinGrant> = async () => GRANT;
  handlers!: ConnectionHandlers;
  prepare = (grant: ReceivedGrant) => void this.prepared.push(grant);
  connect = (prefetched: ReceivedGrant | null) => {
    this.connectedWith.push(prefetched);
    return this.connectResult();
  };
  send = (message: ClientMessage) => {
    if (!this.joined) return false;
    this.sent.push(message);
    return true;
  };
  disconnect = (sayLeave: boolean) => void this.disconnects.push(sayLeave);
  dispose = () => void this.disposed++;
}
