import { HIGHEST_SUBSTREAM, type SfuReceivePreference, substreamFor } from "../../domain/simulcast";

/** One camera m-line of the subscription as Janus is told to forward it. */
export type CameraForwarding = { mid: string; substream: number; send: boolean };

/**
 * What the subscriber asks Janus to forward of each camera (a layer, or nothing), from the receiver's choice and
 * the size of each person's tile, and what Janus was last told, so only changes are sent. Janus starts every
 * subscribed stream on the highest layer, forwarded.
 */
export class CameraLayers {
  private preference: SfuReceivePreference = { substream: HIGHEST_SUBSTREAM, cameras: true };
  private tiles: Readonly<Record<string, number>> = {};
  /** People whose tile is off-screen (a scrolled filmstrip): their camera is not forwarded at all. */
  private hidden: ReadonlySet<string> = new Set();
  private readonly told = new Map<string, Omit<CameraForwarding, "mid">>();

  setPreference(preference: SfuReceivePreference): void {
    this.preference = preference;
  }

  setTiles(tiles: Readonly<Record<string, number>>): void {
    this.tiles = tiles;
  }

  setHidden(participantIds: ReadonlySet<string>): void {
    this.hidden = participantIds;
  }

  /** The forwarding to ask for, among `cameras` (m-line → participant), where it differs from what Janus does. */
  changes(cameras: Iterable<[mid: string, participantId: string]>): CameraForwarding[] {
    const changes: CameraForwarding[] = [];
    for (const [mid, participantId] of cameras) {
      const wanted = { substream: substreamFor(this.preference, this.tiles, participantId), send: this.preference.cameras && !this.hidden.has(participantId) };
      const current = this.told.get(mid) ?? { substream: HIGHEST_SUBSTREAM, send: true };
      if (current.substream !== wanted.substream || current.send !== wanted.send) changes.push({ mid, ...wanted });
    }
    return changes;
  }

  /** Janus took these. */
  applied(changes: readonly CameraForwarding[]): void {
    for (const { mid, ...forwarding } of changes) this.told.set(mid, forwarding);
  }

  /** The m-line no longer carries that camera (its publisher left); a new stream on it starts afresh. */
  forget(mid: string): void {
    this.told.delete(mid);
  }
}
