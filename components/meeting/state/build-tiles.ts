import type { ConnectionQuality } from "@/lib/domain/connection-quality";
import type { Participant } from "@/lib/signaling";
import type { TileModel } from "@/components/meeting/stage/tile-model";
import { ownConnectionQuality, worseQuality } from "@/lib/meeting-client/state/local-quality";
import { type LayoutParticipant, type MeetingLayout, type TileRef, computeLayout, tileKey, type LayoutMode } from "@/lib/meeting-client/state/meeting-layout";
import { isCameraOn, isHost, isMicrophoneOn, isReconnecting, isSharingScreen, reportedQuality } from "@/lib/meeting-client/state/participant-facts";

export type LocalTileInput = {
  /** Before `welcome` there is no participant id yet; the local tile shows anyway. */
  id: string;
  name: string;
  isHost: boolean;
  cameraTrack: MediaStreamTrack | null;
  screenTrack: MediaStreamTrack | null;
  microphoneOn: boolean;
  handRaised: boolean;
  reconnecting: boolean;
};

export type TilesInput = {
  self: LocalTileInput;
  /** The server roster, oneself included once joined. */
  participants: readonly Participant[];
  remoteTracks: Readonly<Record<string, Partial<Record<"audio" | "camera" | "screen", MediaStreamTrack>>>>;
  peerStates: Readonly<Record<string, RTCPeerConnectionState>>;
  /** This browser's rating of its link with each peer. */
  peerQuality: Readonly<Record<string, ConnectionQuality>>;
  speaking: readonly string[];
  activeSpeakerId: string | null;
  screenSince: Readonly<Record<string, number>>;
  layoutMode: LayoutMode;
  pinned: TileRef | null;
  spotlightId: string | null;
};

export type ResolvedLayout = { kind: "grid"; tiles: TileModel[] } | { kind: "stage"; stage: TileModel; filmstrip: TileModel[] };

/** A peer whose media path dropped is "reconnecting" for us even while its signaling is fine. */
const brokenPeerStates: ReadonlySet<RTCPeerConnectionState> = new Set(["disconnected", "failed"]);


function remoteTiles(participant: Participant, input: TilesInput, pinned: TileRef | null): TileModel[] {
  const tracks = input.remoteTracks[participant.id] ?? {};
  const peerState = input.peerStates[participant.id];
  const base = {
    participantId: participant.id,
    name: participant.name,
    isSelf: false,
    isHost: isHost(participant),
    microphoneOn: isMicrophoneOn(participant),
    handRaised: participant.hand.raised,
    speaking: input.speaking.includes(participant.id),
    quality: worseQuality(input.peerQuality[participant.id] ?? null, reportedQuality(participant)),
    reconnecting: isReconnecting(participant) || (peerState !== undefined && brokenPeerStates.has(peerState)),
    spotlit: input.spotlightId === participant.id,
  };
  const camera: TileModel = {
    ...base,
    key: tileKey({ participantId: participant.id, source: "camera" }),
    source: "camera",
    track: tracks.camera ?? null,
    videoOn: isCameraOn(participant),
    pinned: pinned?.participantId === participant.id && pinned.source === "camera",
  };
  if (!isSharingScreen(participant)) return [camera];
  const screen: TileModel = {
    ...base,
    key: tileKey({ participantId: participant.id, source: "screen" }),
    source: "screen",
    track: tracks.screen ?? null,
    videoOn: true,
    pinned: pinned?.participantId === participant.id && pinned.source === "screen",
  };
  return [camera, screen];
}

function localTiles(input: TilesInput): TileModel[] {
  const { self, pinned } = input;
  const base = {
    participantId: self.id,
    name: self.name,
    isSelf: true,
    isHost: self.isHost,
    microphoneOn: self.microphoneOn,
    handRaised: self.handRaised,
    speaking: false,
    quality: ownConnectionQuality(Object.values(input.peerQuality)),
    reconnecting: self.reconnecting,
    spotlit: input.spotlightId === self.id,
  };
  const camera: TileModel = {
    ...base,
    key: tileKey({ participantId: self.id, source: "camera" }),
    source: "camera",
    track: self.cameraTrack,
    videoOn: self.cameraTrack !== null,
    pinned: pinned?.participantId === self.id && pinned.source === "camera",
  };
  if (!self.screenTrack) return [camera];
  const screen: TileModel = {
    ...base,
    key: tileKey({ participantId: self.id, source: "screen" }),
    source: "screen",
    track: self.screenTrack,
    videoOn: true,
    pinned: pinned?.participantId === self.id && pinned.source === "screen",
  };
  return [camera, screen];
}

/**
 * Every tile with what it shows, placed by the layout rules (meeting-layout.ts). Oneself is rendered from local
 * state, never from the server's echo, so toggling the camera or microphone shows at once.
 */
export function buildLayout(input: TilesInput): ResolvedLayout {
  const others = input.participants.filter((participant) => participant.id !== input.self.id);
  const tiles = new Map<string, TileModel>();
  for (const tile of [...localTiles(input), ...others.flatMap((participant) => remoteTiles(participant, input, input.pinned))]) tiles.set(tile.key, tile);

  const layoutParticipants: LayoutParticipant[] = [
    { id: input.self.id, sharingScreen: input.self.screenTrack !== null, screenSince: input.screenSince[input.self.id] },
    ...others.map((participant) => ({ id: participant.id, sharingScreen: isSharingScreen(participant), screenSince: input.screenSince[participant.id] })),
  ];
  const layout: MeetingLayout = computeLayout({
    mode: input.layoutMode,
    selfId: input.self.id,
    participants: layoutParticipants,
    pinned: input.pinned,
    spotlightId: input.spotlightId,
    activeSpeakerId: input.activeSpeakerId,
  });
  const resolve = (ref: TileRef) => tiles.get(tileKey(ref))!;
  return layout.kind === "grid"
    ? { kind: "grid", tiles: layout.tiles.map(resolve) }
    : { kind: "stage", stage: resolve(layout.stage), filmstrip: layout.filmstrip.map(resolve) };
}
