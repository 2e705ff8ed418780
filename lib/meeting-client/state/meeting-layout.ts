/**
 * Which tiles the meeting shows and where, as a pure function of who is present and what is shared.
 *
 *   stage choice  pin (local) > spotlight (host, everyone) > newest screen share > active speaker
 *                 (one's own share only when nobody else shares: seeing oneself big is a hall of mirrors)
 *   auto          the stage layout whenever a pin, a spotlight or a screen share exists, else the grid
 *   grid          everyone in equal tiles; the would-be stage tile comes first
 *   speaker       always a stage; without pin, spotlight or share, the active speaker (never oneself unless alone)
 *
 * Screen shares are tiles of their own, separate from the sharer's camera, so both stay visible.
 */

export type LayoutMode = "auto" | "grid" | "speaker";
export const LAYOUT_MODES: readonly LayoutMode[] = ["auto", "grid", "speaker"];

export type TileSource = "camera" | "screen";
export type TileRef = { participantId: string; source: TileSource };

export type LayoutParticipant = {
  id: string;
  sharingScreen: boolean;
  /** When their share started (any monotonic clock); the newest share takes the stage. */
  screenSince?: number;
};

export type LayoutInput = {
  mode: LayoutMode;
  selfId: string;
  /** In display order (join order); oneself included. */
  participants: readonly LayoutParticipant[];
  pinned: TileRef | null;
  spotlightId: string | null;
  activeSpeakerId: string | null;
};

export type MeetingLayout = { kind: "grid"; tiles: TileRef[] } | { kind: "stage"; stage: TileRef; filmstrip: TileRef[] };

export function tileKey(tile: TileRef): string {
  return `${tile.participantId}:${tile.source}`;
}

function sameTile(a: TileRef, b: TileRef): boolean {
  return a.participantId === b.participantId && a.source === b.source;
}

function allTiles(participants: readonly LayoutParticipant[]): TileRef[] {
  const screens = participants.filter((participant) => participant.sharingScreen).map((participant): TileRef => ({ participantId: participant.id, source: "screen" }));
  const cameras = participants.map((participant): TileRef => ({ participantId: participant.id, source: "camera" }));
  return [...screens, ...cameras];
}

/** A spotlit person's screen, when they share one, is what they want everyone to look at. */
function preferredTileOf(participant: LayoutParticipant): TileRef {
  return { participantId: participant.id, source: participant.sharingScreen ? "screen" : "camera" };
}

function newestShare(participants: readonly LayoutParticipant[], selfId: string): LayoutParticipant | undefined {
  const sharing = participants.filter((participant) => participant.sharingScreen);
  const others = sharing.filter((participant) => participant.id !== selfId);
  return (others.length > 0 ? others : sharing).reduce<LayoutParticipant | undefined>((newest, participant) => (!newest || (participant.screenSince ?? 0) > (newest.screenSince ?? 0) ? participant : newest), undefined);
}

/** The stage tile that pin, spotlight or a share call for, if any. */
function featuredTile(input: LayoutInput, tiles: readonly TileRef[]): TileRef | null {
  if (input.pinned && tiles.some((tile) => sameTile(tile, input.pinned!))) return input.pinned;
  const spotlit = input.participants.find((participant) => participant.id === input.spotlightId);
  if (spotlit) return preferredTileOf(spotlit);
  const share = newestShare(input.participants, input.selfId);
  return share ? { participantId: share.id, source: "screen" } : null;
}

function speakerTile(input: LayoutInput): TileRef | null {
  const others = input.participants.filter((participant) => participant.id !== input.selfId);
  const speaker = others.find((participant) => participant.id === input.activeSpeakerId) ?? others[0] ?? input.participants[0];
  return speaker ? { participantId: speaker.id, source: "camera" } : null;
}

export function computeLayout(input: LayoutInput): MeetingLayout {
  const tiles = allTiles(input.participants);
  const featured = featuredTile(input, tiles);
  if (input.mode === "grid" || (input.mode === "auto" && !featured)) {
    return { kind: "grid", tiles: featured ? [featured, ...tiles.filter((tile) => !sameTile(tile, featured))] : tiles };
  }
  const stage = featured ?? speakerTile(input);
  if (!stage) return { kind: "grid", tiles };
  return { kind: "stage", stage, filmstrip: tiles.filter((tile) => !sameTile(tile, stage)) };
}

export function nextLayoutMode(mode: LayoutMode): LayoutMode {
  return LAYOUT_MODES[(LAYOUT_MODES.indexOf(mode) + 1) % LAYOUT_MODES.length]!;
}
