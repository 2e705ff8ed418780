import Janode, { type JanodeConnection, type JanodeSession } from "janode";
import VideoRoomPlugin, { type VideoRoomEventData, type VideoRoomHandle } from "janode/plugins/videoroom";
import { type ConnectionRating, rateConnection } from "../../domain/connection-quality";
import { SIMULCAST_LAYERS, type SfuReceivePreference, activeLayers } from "../../domain/simulcast";
import type { SendQuality } from "../../domain/video-quality";
import { SFU_LEGS, type SfuLeg } from "../../domain/sfu-legs";
import type { StatsSummary } from "../../domain/stats-summary";
import { type MediaSlot, MEDIA_SLOTS, trackKindOf } from "../media-slots";
import { StatsSampler } from "../stats-sampler";
import { TypedEmitter } from "../typed-emitter";
import { CameraLayers } from "./camera-layers";
import { renewTokens } from "./token-renewal";
import { describeStream, type Publisher, SLOT_DESCRIPTIONS, streamsToSubscribe } from "./janus-streams";

export type SfuTransportOptions = {
  /** Janus's WebSocket API, the room (the meeting's id), and a signed token from the app (lib/sfu/janus-token.ts). */
  url: string;
  room: string;
  token: string;
  /** This participant's PartyKit id: published as the feed's display, so the others map feeds to people. */
  selfId: string;
  iceServers: RTCIceServer[];
  iceTransportPolicy?: RTCIceTransportPolicy;
  /**
   * When `token` expires, and how to get the next one (the app's grant). Janus checks the token on every request,
   * keepalives included, so the transport renews it a minute ahead for as long as it runs.
   */
  tokenExpiresAt?: string;
  fetchToken?: () => Promise<{ token: string; expiresAt: string } | null>;
};

export type SfuTransportEvents = {
  "remote-track": { participantId: string; slot: MediaSlot; track: MediaStreamTrack };
  /** Every 2 s per leg, like the mesh's per-peer stats. */
  stats: { peerId: SfuLeg; summary: StatsSummary; rating: ConnectionRating };
  "remote-track-ended": { participantId: string; slot: MediaSlot };
  /** Janus went away (closed, restarted, the session timed out): this transport is dead; start another. */
  failed: { reason: string };
  error: { operation: string; error: unknown };
};

/** janode's names for the videoroom events Janus sends unprompted. */
const JANODE_EVENTS = { publishers: "videoroom_publisher_list", unpublished: "videoroom_unpublished", leaving: "videoroom_leaving", updated: "videoroom_updated" } as const;

Janode.Logger.setLevel("none");

/**
 * Media through a Janus videoroom: one connection publishes this person's audio, camera and screen (three
 * transceivers from the start, so turning a device on or off is a replaceTrack, never a renegotiation), one
 * multistream subscription receives everyone else's. Who is in the meeting stays PartyKit's business; here
 * feeds are mapped to participants by their display (the PartyKit id).
 */
export class SfuTransport extends TypedEmitter<SfuTransportEvents> {
  private connection: JanodeConnection | null = null;
  private session: JanodeSession | null = null;
  private publisher: VideoRoomHandle | null = null;
  private subscriber: VideoRoomHandle | null = null;
  private readonly publishConnection: RTCPeerConnection;
  private readonly subscribeConnection: RTCPeerConnection;
  private readonly senders = new Map<MediaSlot, RTCRtpTransceiver>();
  /** `${feed}:${mid}` of every publisher stream subscribed to. */
  private readonly subscribed = new Set<string>();
  /** Subscriber m-line → whose stream it carries. */
  private readonly streamsByMid = new Map<string, { participantId: string; slot: MediaSlot }>();
  /** Janus feed id → participant id (the feed's display). */
  private readonly feedOwners = new Map<number, string>();
  /** Subscription changes run one at a time: each is an offer from Janus and our answer. */
  private subscriptions: Promise<void> = Promise.resolve();
  private closed = false;
  private stopRenewal: () => void = () => {};
  private readonly statsSampler: StatsSampler;
  private readonly scores = new Map<string, number>();
  /** janode keeps this very object as its server address and reads `token` for every request (keepalives too). */
  private readonly address: { url: string; token: string };
  private sendQuality: SendQuality = "auto";
  private readonly cameraLayers = new CameraLayers();

  constructor(private readonly options: SfuTransportOptions) {
    super();
    this.address = { url: options.url, token: options.token };
    const configuration: RTCConfiguration = { iceServers: options.iceServers, iceTransportPolicy: options.iceTransportPolicy ?? "all", bundlePolicy: "max-bundle" };
    this.publishConnection = new RTCPeerConnection(configuration);
    this.subscribeConnection = new RTCPeerConnection(configuration);
    for (const slot of MEDIA_SLOTS) {
      // The camera goes up in three simulcast layers; each receiver takes the one it asks Janus for.
      const sendEncodings = slot === "camera" ? SIMULCAST_LAYERS.map((layer) => ({ ...layer, active: true })) : undefined;
      this.senders.set(slot, this.publishConnection.addTransceiver(trackKindOf(slot), { direction: "sendonly", sendEncodings }));
    }
    this.statsSampler = new StatsSampler(
      // A leg counts once it is up: the downlink only exists when someone else publishes.
      () =>
        (
          [
            [SFU_LEGS.uplink, this.publishConnection],
            [SFU_LEGS.downlink, this.subscribeConnection],
          ] as const
        ).filter(([, connection]) => connection.connectionState === "connected"),
      (leg, summary) => {
        const rating = rateConnection(summary, { previousScore: this.scores.get(leg) });
        this.scores.set(leg, rating.score);
        this.emit("stats", { peerId: leg as SfuLeg, summary, rating });
      },
      (leg, error) => this.emit("error", { operation: `get stats (${leg})`, error }),
    );
    this.subscribeConnection.ontrack = ({ transceiver, track }) => {
      const stream = transceiver.mid === null ? undefined : this.streamsByMid.get(transceiver.mid);
      if (stream) this.emit("remote-track", { ...stream, track });
    };
  }

  /** Joins the room as a publisher, publishes the (possibly empty) transceivers and subscribes to everyone there. */
  async start(): Promise<void> {
    const { room, selfId } = this.options;
    this.connection = await Janode.connect({ address: this.address, retry_time_secs: 1, max_retries: 2 });
    this.session = await this.connection.create();
    const lost = (reason: string) => () => {
      if (!this.closed) this.emit("failed", { reason });
    };
    this.connection.on(Janode.EVENT.CONNECTION_CLOSED, lost("the media server closed the connection"));
    this.connection.on(Janode.EVENT.CONNECTION_ERROR, lost("the connection to the media server failed"));
    this.session.on(Janode.EVENT.SESSION_DESTROYED, lost("the media server ended the session"));
    const publisher = (this.publisher = await this.session.attach(VideoRoomPlugin));
    publisher.on(JANODE_EVENTS.publishers, (event) => this.onPublishers((event as VideoRoomEventData).publishers ?? []));
    publisher.on(JANODE_EVENTS.unpublished, (event) => this.onFeedGone((event as VideoRoomEventData).feed));
    publisher.on(JANODE_EVENTS.leaving, (event) => this.onFeedGone((event as VideoRoomEventData).feed));
    this.trickle(this.publishConnection, () => this.publisher);
    this.trickle(this.subscribeConnection, () => this.subscriber);

    const joined = await publisher.joinPublisher({ room, display: selfId });
    await this.publishConnection.setLocalDescription(await this.publishConnection.createOffer());
    const descriptions = [...this.senders].map(([slot, transceiver]) => ({ mid: transceiver.mid!, description: SLOT_DESCRIPTIONS[slot] }));
    const published = await publisher.publish({ jsep: this.publishConnection.localDescription!.toJSON(), descriptions });
    if (!published.jsep) throw new Error("Janus did not answer the publish offer");
    await this.publishConnection.setRemoteDescription(published.jsep);
    this.onPublishers(joined.publishers ?? []);
    const { tokenExpiresAt, fetchToken } = this.options;
    if (tokenExpiresAt && fetchToken && !this.closed) {
      this.stopRenewal = renewTokens({
        expiresAt: tokenExpiresAt,
        fetchToken,
        // janode reads `address.token` for each request it sends.
        onToken: (token) => (this.address.token = token),
        onFailure: (error) => this.emit("error", { operation: "token renewal", error }),
      });
    }
  }

  /** Puts tracks on the published transceivers; null stops sending in that slot. No renegotiation. */
  async setLocalMedia(media: Partial<Record<MediaSlot, MediaStreamTrack | null>>): Promise<void> {
    await Promise.all(
      Object.entries(media).map(([slot, track]) => this.senders.get(slot as MediaSlot)?.sender.replaceTrack(track ?? null)),
    );
    if (media.camera) await this.applySendLayers();
  }

  /** The person's send choice: the camera's simulcast layers above what it allows stop being sent. */
  async setSendQuality(quality: SendQuality): Promise<void> {
    this.sendQuality = quality;
    await this.applySendLayers();
  }

  private async applySendLayers(): Promise<void> {
    const sender = this.senders.get("camera")!.sender;
    const active = activeLayers(this.sendQuality, sender.track?.getSettings().height);
    const parameters = sender.getParameters();
    if (parameters.encodings.length === 0 || parameters.encodings.every((encoding, index) => encoding.active === (active[index] ?? true))) return;
    parameters.encodings.forEach((encoding, index) => (encoding.active = active[index] ?? true));
    await sender.setParameters(parameters);
  }

  /**
   * What this receiver asks Janus to forward of everyone's camera: a simulcast layer (data saver takes the lowest),
   * or nothing at all (audio only). Applies to every camera subscribed now and later.
   */
  async setReceivePreference(preference: SfuReceivePreference): Promise<void> {
    this.cameraLayers.setPreference(preference);
    await this.reconfigureCameras();
  }

  /** The layer each person's camera needs for the size of its tile (lib/domain/simulcast.ts `tileSubstreams`). */
  async setTileSubstreams(tiles: Readonly<Record<string, number>>): Promise<void> {
    this.cameraLayers.setTiles(tiles);
    await this.reconfigureCameras();
  }

  /** Tiles scrolled out of view: Janus stops forwarding those cameras until they are seen again. */
  async setHiddenCameras(participantIds: ReadonlySet<string>): Promise<void> {
    this.cameraLayers.setHidden(participantIds);
    await this.reconfigureCameras();
  }

  /** Tells Janus what changed, in turn with the subscription's renegotiations. */
  private reconfigureCameras(): Promise<void> {
    this.subscriptions = this.subscriptions.then(() => this.configureCameras()).catch((error: unknown) => this.emit("error", { operation: "camera layers", error }));
    return this.subscriptions;
  }

  private async configureCameras(): Promise<void> {
    if (!this.subscriber || this.closed) return;
    const cameras = [...this.streamsByMid].filter(([, stream]) => stream.slot === "camera").map(([mid, stream]): [string, string] => [mid, stream.participantId]);
    const changes = this.cameraLayers.changes(cameras);
    if (changes.length === 0) return;
    await this.subscriber.configure({ streams: changes });
    this.cameraLayers.applied(changes);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.stopRenewal();
    this.statsSampler.stop();
    this.publishConnection.close();
    this.subscribeConnection.close();
    await this.session?.destroy().catch(() => {});
    await this.connection?.close().catch(() => {});
    this.clear();
  }

  private trickle(connection: RTCPeerConnection, handle: () => VideoRoomHandle | null): void {
    connection.onicecandidate = ({ candidate }) => {
      const target = handle();
      if (!target || this.closed) return;
      const sent = candidate ? target.trickle(candidate.toJSON()) : target.trickleComplete();
      sent.catch((error: unknown) => this.emit("error", { operation: "trickle", error }));
    };
  }

  private onPublishers(publishers: Publisher[]): void {
    for (const publisher of publishers) if (publisher.display) this.feedOwners.set(publisher.feed, publisher.display);
    const wanted = streamsToSubscribe(publishers, this.subscribed, this.options.selfId);
    if (wanted.length === 0) return;
    for (const stream of wanted) this.subscribed.add(`${stream.feed}:${stream.mid}`);
    this.subscriptions = this.subscriptions
      .then(() => this.subscribe(wanted))
      .catch((error: unknown) => {
        for (const stream of wanted) this.subscribed.delete(`${stream.feed}:${stream.mid}`);
        if (!this.closed) this.emit("error", { operation: "subscribe", error });
      });
  }

  private async subscribe(streams: { feed: number; mid: string }[]): Promise<void> {
    if (this.closed || !this.session) return;
    if (!this.subscriber) {
      this.subscriber = await this.session.attach(VideoRoomPlugin);
      // Janus renegotiates by itself when a publisher leaves or unpublishes (autoupdate): a new offer.
      this.subscriber.on(JANODE_EVENTS.updated, (update) => {
        this.subscriptions = this.subscriptions.then(() => this.answerSubscription(update as VideoRoomEventData)).catch((error: unknown) => this.emit("error", { operation: "subscription update", error }));
      });
      await this.answerSubscription(await this.subscriber.joinSubscriber({ room: this.options.room, streams }));
      return;
    }
    await this.answerSubscription(await this.subscriber.update({ subscribe: streams }));
  }

  /** Janus offers the subscription's m-lines; we answer and start (or continue) receiving. */
  private async answerSubscription(event: VideoRoomEventData): Promise<void> {
    if (!event.jsep || this.closed || !this.subscriber) return;
    for (const stream of event.streams ?? []) {
      const described = describeStream(stream);
      if (described) this.streamsByMid.set(stream.mid, described);
    }
    await this.subscribeConnection.setRemoteDescription(event.jsep);
    await this.subscribeConnection.setLocalDescription(await this.subscribeConnection.createAnswer());
    await this.subscriber.start({ jsep: this.subscribeConnection.localDescription!.toJSON() });
    // New cameras start on the highest layer, forwarded: the receiver's choice and their tiles may want less.
    await this.configureCameras();
  }

  private onFeedGone(feed: number | undefined): void {
    if (feed === undefined) return;
    const participantId = this.feedOwners.get(feed);
    this.feedOwners.delete(feed);
    for (const key of [...this.subscribed]) if (key.startsWith(`${feed}:`)) this.subscribed.delete(key);
    for (const [mid, stream] of this.streamsByMid) {
      if (stream.participantId !== participantId) continue;
      this.streamsByMid.delete(mid);
      this.cameraLayers.forget(mid);
      this.emit("remote-track-ended", stream);
    }
  }
}
