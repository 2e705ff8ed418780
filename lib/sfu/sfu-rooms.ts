import { createHmac } from "node:crypto";
import { type JanusAccess, withVideoRoom } from "./janus-session";

/** Janus videoroom error codes (plugins/janus_videoroom.c). */
const ROOM_EXISTS = 427;
const NO_SUCH_ROOM = 426;

/** Videoroom ids are the Confer room's id (`string_ids`): a room holds one meeting at a time, and any app server finds it again. */
export const sfuRoomId = (roomId: string) => roomId;

/** The room's management secret, derived rather than stored: any stateless app server can compute it. */
export const sfuRoomSecret = (roomId: string, access: JanusAccess) => createHmac("sha256", access.adminKey).update(`room:${roomId}`).digest("base64url");

/** The most publishers a Confer meeting puts in one room (rooms allow 50 people by default; headroom for screens). */
export const SFU_MAX_PUBLISHERS = 120;

const errorCode = (error: unknown) => {
  const match = /\b(4\d\d)\b/.exec(error instanceof Error ? error.message : String(error));
  return match ? Number(match[1]) : null;
};

/** Creates the meeting's room on `url`, or finds it there already (another app server got first). */
export async function ensureSfuRoom(url: string, roomId: string, access: JanusAccess): Promise<void> {
  await withVideoRoom(url, access, async (handle) => {
    try {
      await handle.create({
        room: sfuRoomId(roomId),
        description: `Confer room ${roomId}`,
        admin_key: access.adminKey,
        secret: sfuRoomSecret(roomId, access),
        is_private: true,
        permanent: false,
        max_publishers: SFU_MAX_PUBLISHERS,
        audiocodec: "opus",
        videocodec: "vp8",
        notify_joining: true,
        talking_events: true,
        fir_freq: 10,
      });
    } catch (error) {
      if (errorCode(error) !== ROOM_EXISTS) throw error;
    }
  });
}

/** Ends the meeting's room on `url` (everyone in it is told and dropped); a room already gone is fine. */
export async function destroySfuRoom(url: string, roomId: string, access: JanusAccess): Promise<void> {
  await withVideoRoom(url, access, async (handle) => {
    try {
      await handle.destroy({ room: sfuRoomId(roomId), secret: sfuRoomSecret(roomId, access) });
    } catch (error) {
      if (errorCode(error) !== NO_SUCH_ROOM) throw error;
    }
  });
}

export type SfuRoomLoad = { room: string; participants: number };

/** Every room on `url` with its participant count (private rooms included: the admin key lists them). */
export async function listSfuRooms(url: string, access: JanusAccess, timeoutMs?: number): Promise<SfuRoomLoad[]> {
  return withVideoRoom(
    url,
    access,
    async (handle) => (await handle.list({ admin_key: access.adminKey })).list.map((entry) => ({ room: String(entry.room), participants: entry.num_participants })),
    timeoutMs,
  );
}
