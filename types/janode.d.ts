/** The part of janode (Meetecho's Node client for Janus, plain JS) that lib/sfu uses. */
declare module "janode" {
  export type JanodeAddress = { url: string; apisecret?: string; token?: string };
  export type JanodeConfig = { address: JanodeAddress | JanodeAddress[]; retry_time_secs?: number; max_retries?: number; is_admin?: boolean };

  export interface JanodeHandle {
    readonly id: number;
    detach(): Promise<void>;
    message(body: Record<string, unknown>, jsep?: unknown): Promise<unknown>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export interface JanodeSession {
    readonly id: number;
    attach<Handle extends JanodeHandle>(plugin: { id: string; Handle: new (...args: never[]) => Handle }): Promise<Handle>;
    destroy(): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  export interface JanodeConnection {
    create(keepAliveSeconds?: number): Promise<JanodeSession>;
    getInfo(): Promise<Record<string, unknown>>;
    close(): Promise<void>;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }

  const Janode: {
    connect(config: JanodeConfig): Promise<JanodeConnection>;
    /** What connections, sessions and handles emit when they go away (the server closed, restarted or timed out). */
    EVENT: { CONNECTION_CLOSED: string; CONNECTION_ERROR: string; SESSION_DESTROYED: string };
    Logger: { setLevel(level: "none" | "error" | "warning" | "info" | "verbose" | "debug"): string };
  };
  export default Janode;
}

declare module "janode/plugins/videoroom" {
  import type { JanodeHandle } from "janode";

  export interface VideoRoomHandle extends JanodeHandle {
    create(options: {
      room: string;
      description?: string;
      max_publishers?: number;
      permanent?: boolean;
      is_private?: boolean;
      secret?: string;
      admin_key?: string;
      bitrate?: number;
      fir_freq?: number;
      audiocodec?: string;
      videocodec?: string;
      talking_events?: boolean;
      require_pvtid?: boolean;
      notify_joining?: boolean;
    }): Promise<{ room: string; permanent: boolean }>;
    destroy(options: { room: string; permanent?: boolean; secret?: string }): Promise<{ room: string }>;
    exists(options: { room: string }): Promise<{ room: string; exists: boolean }>;
    list(options?: { admin_key?: string }): Promise<{ list: { room: string; num_participants: number; description?: string }[] }>;
    listParticipants(options: { room: string; secret?: string }): Promise<{ room: string; participants: { feed: number; display?: string; publisher: boolean }[] }>;
    kick(options: { room: string; feed: number; secret?: string }): Promise<unknown>;
    joinPublisher(options: { room: string; display?: string; token?: string }): Promise<VideoRoomEventData>;
    publish(options: { jsep: RTCSessionDescriptionInit; descriptions?: { mid: string; description: string }[]; audio?: boolean; video?: boolean }): Promise<VideoRoomEventData>;
    joinSubscriber(options: { room: string; streams: { feed: number; mid?: string }[]; token?: string }): Promise<VideoRoomEventData>;
    update(options: { subscribe?: { feed: number; mid?: string }[]; unsubscribe?: { feed: number; mid?: string }[] }): Promise<VideoRoomEventData>;
    start(options: { jsep: RTCSessionDescriptionInit }): Promise<unknown>;
    /** Multistream subscriber: per m-line, whether to forward it and which simulcast layer (0 lowest … 2). */
    configure(options: { streams: { mid: string; send?: boolean; substream?: number; temporal?: number; fallback?: number }[] }): Promise<unknown>;
    trickle(candidate: RTCIceCandidateInit): Promise<void>;
    trickleComplete(): Promise<void>;
  }

  /** What janode's videoroom events carry (the fields Confer reads). */
  export type VideoRoomEventData = {
    feed?: number;
    publishers?: { feed: number; display?: string; streams?: { mid: string; type: "audio" | "video" | "data"; description?: string; disabled?: boolean }[] }[];
    streams?: { mid: string; type: "audio" | "video" | "data"; feed_id?: number; feed_mid?: string; feed_display?: string; feed_description?: string; active?: boolean }[];
    jsep?: RTCSessionDescriptionInit;
  };

  const VideoRoomPlugin: { id: string; Handle: new (...args: never[]) => VideoRoomHandle; EVENT: Record<string, string> };
  export default VideoRoomPlugin;
}
