import { TypedEmitter } from "@/lib/rtc/typed-emitter";
import type { ClientMessage, Participant, ServerMessage } from "@/lib/signaling";
import { type ConnectionHandlers, MeetingConnection } from "./meeting-connection";
import type { MeetingPrompt } from "./meeting-prompts";
import { LobbyGrants } from "./lobby-grants";
import { NoticeBurst } from "./notice-burst";
import { enforceRights, publishedTracks, type SessionMedia } from "./session-media";
import { Store } from "./store";
import { type JoinGrant, JoinRefusedError, type ReceivedGrant } from "./state/join-grant";
import { JOIN_MARKS } from "./state/join-timeline";
import { type MediaRights, mediaRights, publishesNothing } from "./state/media-rights";
import { noticesFor } from "./state/meeting-notices";
import { initialMeetingViewState, type MeetingViewEvent, type MeetingViewState, reduceMeetingView } from "./state/meeting-view-state";
import { type MediaTransport, MeshOrSfuTransport } from "./transport/media-transport";

/** The socket as the session uses it (MeetingConnection); the session's unit tests give it a fake. */
export type SessionConnection = Pick<MeetingConnection, "prepare" | "connect" | "send" | "disconnect" | "dispose">;

export type JoinStatus = { entered: boolean; joining: boolean; joinError: string | null };

export type MeetingSessionOptions = {
  roomId: string;
  media: SessionMedia;
  createTransport?: (sendSignal: (to: string, payload: Extract<ClientMessage, { type: "signal" }>["payload"]) => void) => MediaTransport;
  createConnection?: (handlers: ConnectionHandlers) => SessionConnection;
  grants?: LobbyGrants;
  /** Starts WebRTC up in the lobby so that Join goes straight to the socket and media. */
  warmUp?: () => Promise<void>;
};

/**
 * One person's meeting, framework-free: the lobby's prefetched grant, the signaling connection, the media path
 * (mesh or SFU), local media published under the person's rights, the server's state reduced into a view, and
 * every action the controls offer. Observable: `view` and `status` are stores, `prompts` says what to tell the
 * person. React binds it with thin hooks (components/meeting/hooks/use-meeting.ts).
 */
export class MeetingSession {
  readonly view = new Store<MeetingViewState>(initialMeetingViewState);
  readonly status = new Store<JoinStatus>({ entered: false, joining: false, joinError: null });
  readonly prompts = new TypedEmitter<{ prompt: MeetingPrompt }>();
  readonly transport: MediaTransport;
  private readonly connection: SessionConnection;
  private readonly grants: LobbyGrants;
  private media: SessionMedia;
  private iceServers: RTCIceServer[] = [];
  private iceTransportPolicy: RTCIceTransportPolicy = "all";
  private joinInFlight = false;
  private published: ReturnType<typeof publishedTracks> = { audio: null, video: null, screen: null };
  /** The `media` flags last told to the server, and for which seat; null until the next time in the meeting. */
  private toldMedia: string | null = null;
  private readonly notices = new NoticeBurst((notice) => this.prompt({ kind: "notice", notice }));

  constructor(private readonly options: MeetingSessionOptions) {
    this.media = options.media;
    this.grants = options.grants ?? new LobbyGrants(options.roomId);
    const sendSignal = (to: string, payload: Extract<ClientMessage, { type: "signal" }>["payload"]) => void this.send({ type: "signal", to, payload });
    this.transport = options.createTransport?.(sendSignal) ?? new MeshOrSfuTransport(options.roomId, sendSignal);
    const handlers: ConnectionHandlers = {
      onMessage: (message) => this.onMessage(message),
      onConnectionLost: () => {
        this.dispatch({ type: "connection-lost" });
        this.prompt({ kind: "announce", text: "Connection lost. Reconnecting…" });
      },
      onFatal: (message, exit) => {
        this.transport.stop();
        this.media.release();
        this.dispatch({ type: "failed", message, exit });
      },
    };
    this.connection = options.createConnection?.(handlers) ?? new MeetingConnection(options.roomId, handlers);
  }

  /** Sends when joined; anything else is dropped, so nothing reaches the server before `hello`. */
  readonly send = (message: ClientMessage): boolean => this.connection.send(message);

  /** The devices as last rendered: what goes out follows them, under the person's rights. */
  setMedia(media: SessionMedia): void {
    this.media = media;
    this.publish();
  }

  get currentMedia(): SessionMedia {
    return this.media;
  }

  self(): Participant | null {
    const state = this.view.get();
    return state.participants.find((participant) => participant.id === state.selfId) ?? null;
  }

  rights(): MediaRights {
    return mediaRights(this.self()?.role, this.view.get().room.policy);
  }

  /** Local view changes (panels, layout, pins) go through the same reducer as the server's. */
  dispatch(event: MeetingViewEvent): MeetingViewState {
    const before = this.view.get();
    this.view.set(reduceMeetingView(before, event));
    this.publish();
    return before;
  }

  prompt(prompt: MeetingPrompt): void {
    this.prompts.emit("prompt", prompt);
  }

  /** Lobby: keep a fresh grant at hand and WebRTC started up. Returns the function that ends the lobby. */
  enterLobby(): () => void {
    void this.options.warmUp?.();
    return this.grants.start((grant: ReceivedGrant) => this.connection.prepare(grant));
  }

  async join(): Promise<void> {
    if (this.joinInFlight) return;
    this.joinInFlight = true;
    performance.clearMarks(JOIN_MARKS.clicked);
    performance.clearMarks(JOIN_MARKS.firstRemoteFrame);
    performance.mark(JOIN_MARKS.clicked);
    this.media.resumeAudio();
    this.status.set({ entered: true, joining: true, joinError: null });
    this.dispatch({ type: "join-started" });
    try {
      const grant: JoinGrant = await this.connection.connect(this.grants.take());
      this.iceServers = grant.iceServers;
      this.iceTransportPolicy = grant.iceTransportPolicy ?? "all";
      this.status.set({ ...this.status.get(), joining: false });
    } catch (error) {
      this.status.set({ entered: false, joining: false, joinError: error instanceof JoinRefusedError ? error.message : "Could not join the meeting." });
    } finally {
      this.joinInFlight = false;
    }
  }

  leave(): void {
    this.connection.disconnect(true);
    this.transport.stop();
    this.media.release();
    this.dispatch({ type: "left" });
  }

  rejoin(): void {
    this.media.start();
    void this.join();
  }

  /** The page goes away (closing the tab says goodbye, so others see the person leave at once). */
  dispose(): void {
    this.notices.flush();
    this.connection.dispose();
    this.transport.stop();
  }

  private onMessage(message: ServerMessage): void {
    const before = this.view.get();
    // WebRTC first: the offers, answers and candidates of the join are on the path to the first frame.
    this.applyToMedia(message, before);
    const after = reduceMeetingView(before, { type: "server", message, at: performance.now() });
    this.view.set(after);
    if (after.participants !== before.participants) this.transport.setRoster(after.participants.map((participant) => participant.id));
    this.publish();
    for (const notice of noticesFor(before, message)) this.notices.push(notice);
  }

  private applyToMedia(message: ServerMessage, before: MeetingViewState): void {
    const media = this.media;
    switch (message.type) {
      case "welcome": {
        // The room's policy may ask everyone to enter muted or with the camera off; they may turn them on after.
        if (!message.resumed && message.room.policy.muteOnEntry) media.setMicrophoneEnabled(false);
        if (!message.resumed && message.room.policy.cameraOffOnEntry) media.setCameraEnabled(false);
        const rights = mediaRights(message.self.role, message.room.policy);
        enforceRights(rights, media);
        this.transport.join({
          selfId: message.self.id,
          participantIds: message.participants.map((participant) => participant.id),
          iceServers: this.iceServers,
          iceTransportPolicy: this.iceTransportPolicy,
          receiveOnly: publishesNothing(rights),
          mediaPath: message.room.mediaPath,
          onSfuUnavailable: () => this.prompt({ kind: "sfu-unavailable" }),
        });
        return;
      }
      case "participant-updated":
        // A host changed this person's role: an observer's connections only receive; a presenter's send again.
        if (message.participant.id === before.selfId) this.restrictTo(mediaRights(message.participant.role, before.room.policy));
        return;
      case "room-updated": {
        const self = before.participants.find((participant) => participant.id === before.selfId);
        if (self) this.restrictTo(mediaRights(self.role, message.policy));
        // The room moved the meeting between the mesh and the SFU (head count, or the large-meeting mark).
        if (message.mediaPath !== before.room.mediaPath) this.transport.switchTo(message.mediaPath, before.participants.map((participant) => participant.id));
        return;
      }
      case "knock":
        this.prompt({ kind: "knock", participant: message.participant });
        return;
      case "waiting-updated": {
        // Whoever another host admitted or denied (or who left) needs no prompt any more.
        const still = new Set(message.waiting.map((entry) => entry.id));
        for (const entry of before.waiting) if (!still.has(entry.id)) this.prompt({ kind: "knock-settled", participantId: entry.id });
        return;
      }
      case "participant-left":
        this.transport.removePeer(message.participantId);
        return;
      case "signal":
        this.transport.handleSignal(message.from, message.payload);
        return;
      case "muted-by-host":
        media.setMicrophoneEnabled(false);
        return;
      case "share-stopped-by-host":
        media.stopScreenShare();
        return;
      case "unmute-requested":
        this.prompt({ kind: "unmute-requested" });
        return;
      case "removed":
      case "ended":
        this.transport.stop();
        media.release();
        return;
      default:
        return;
    }
  }

  private restrictTo(rights: MediaRights): void {
    enforceRights(rights, this.media);
    this.transport.setReceiveOnly(publishesNothing(rights));
  }

  /**
   * Publishing: tracks go to the media path; the on/off state goes to the server for everyone's UI. Only what
   * this person's role may publish goes out (the server refuses the rest).
   */
  private publish(): void {
    const tracks = publishedTracks(this.rights(), this.media);
    const current = this.published;
    if (tracks.audio !== current.audio || tracks.video !== current.video || tracks.screen !== current.screen) {
      this.published = tracks;
      this.transport.setLocalMedia(tracks);
    }
    const state = this.view.get();
    if (state.phase !== "in-meeting") {
      this.toldMedia = null;
      return;
    }
    const flags = { audio: tracks.audio !== null, video: tracks.video !== null, screen: tracks.screen !== null };
    const told = `${state.selfId}:${flags.audio}:${flags.video}:${flags.screen}`;
    if (told !== this.toldMedia && this.send({ type: "media", ...flags })) this.toldMedia = told;
  }
}
