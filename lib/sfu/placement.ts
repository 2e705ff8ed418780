import type { JanusAccess } from "./janus-session";
import { listSfuRooms, type SfuRoomLoad, sfuRoomId } from "./sfu-rooms";

export type InstanceProbe = { url: string; healthy: true; rooms: SfuRoomLoad[]; participants: number } | { url: string; healthy: false; error: string };

/** Health and load of one Janus instance: a videoroom `list` on a fresh session, bounded in time. */
export async function probeInstance(url: string, access: JanusAccess, timeoutMs = 2_000): Promise<InstanceProbe> {
  try {
    const rooms = await listSfuRooms(url, access, timeoutMs);
    return { url, healthy: true, rooms, participants: rooms.reduce((sum, room) => sum + room.participants, 0) };
  } catch (error) {
    return { url, healthy: false, error: error instanceof Error ? error.message : String(error) };
  }
}

export class NoSfuAvailableError extends Error {
  constructor(readonly probes: InstanceProbe[]) {
    super(probes.length === 0 ? "No Janus instance is configured (JANUS_URLS)." : `No Janus instance answers: ${probes.map((probe) => (probe.healthy ? probe.url : `${probe.url} (${probe.error})`)).join("; ")}`);
    this.name = "NoSfuAvailableError";
  }
}

/**
 * Where a meeting's media goes: the healthy instance that already holds its room (each instance carries whole
 * meetings), else the least loaded healthy one by participants. `exclude` skips an instance that just failed.
 */
export function chooseInstance(probes: InstanceProbe[], roomId: string, exclude: string[] = []): string {
  const healthy = probes.filter((probe): probe is Extract<InstanceProbe, { healthy: true }> => probe.healthy && !exclude.includes(probe.url));
  const holding = healthy.find((probe) => probe.rooms.some((room) => room.room === sfuRoomId(roomId)));
  if (holding) return holding.url;
  const [least] = [...healthy].sort((a, b) => a.participants - b.participants || a.rooms.length - b.rooms.length);
  if (!least) throw new NoSfuAvailableError(probes);
  return least.url;
}

/** Probes every instance at once and places the meeting (see chooseInstance). */
export async function placeMeeting(urls: string[], roomId: string, access: JanusAccess, exclude: string[] = []): Promise<string> {
  const probes = await Promise.all(urls.map((url) => probeInstance(url, access)));
  return chooseInstance(probes, roomId, exclude);
}
