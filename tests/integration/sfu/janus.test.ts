import { randomUUID } from "node:crypto";
import Janode from "janode";
import VideoRoomPlugin from "janode/plugins/videoroom";
import { afterAll, describe, expect, it } from "vitest";
import type { JanusAccess } from "@/lib/sfu/janus-session";
import { mintJanusToken } from "@/lib/sfu/janus-token";
import { placeMeeting, probeInstance } from "@/lib/sfu/placement";
import { destroySfuRoom, ensureSfuRoom, listSfuRooms } from "@/lib/sfu/sfu-rooms";

/** The stack's Janus (scripts/stack/janus-config.ts): token auth on, videoroom rooms behind an admin key. */
const [url] = (process.env.JANUS_URLS ?? "").split(",").filter(Boolean);
const access: JanusAccess = { tokenSecret: process.env.JANUS_TOKEN_SECRET ?? "", adminKey: process.env.JANUS_ADMIN_KEY ?? "", tokenTtlSeconds: 120 };
/** Nothing listens here: an instance that is down. */
const deadUrl = "ws://127.0.0.1:9";

const created: string[] = [];
afterAll(async () => {
  if (url) await Promise.all(created.map((roomId) => destroySfuRoom(url, roomId, access)));
});

/** Opens a session with `token` and returns what Janus said. */
async function sessionWith(token: string): Promise<"accepted" | string> {
  const connection = await Janode.connect({ address: { url: url!, token }, retry_time_secs: 1, max_retries: 1 });
  try {
    const session = await connection.create();
    await session.destroy();
    return "accepted";
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await connection.close().catch(() => {});
  }
}

describe.skipIf(!url)("Janus SFU", () => {
  it("accepts the app's signed tokens and refuses forged and expired ones", async () => {
    expect(await sessionWith(mintJanusToken({ secret: access.tokenSecret, ttlSeconds: 60 }).token)).toBe("accepted");
    expect(await sessionWith(mintJanusToken({ secret: "not-the-secret", ttlSeconds: 60 }).token)).toMatch(/403|[Uu]nauthorized/);
    const expired = mintJanusToken({ secret: access.tokenSecret, ttlSeconds: 60, now: new Date(Date.now() - 120_000) }).token;
    expect(await sessionWith(expired)).toMatch(/403|[Uu]nauthorized/);
  });

  it("creates a meeting's room once, lists it, and destroys it", async () => {
    const roomId = `it-${randomUUID()}`;
    created.push(roomId);
    await ensureSfuRoom(url!, roomId, access);
    // A second app server placing the same meeting finds the room instead of failing.
    await ensureSfuRoom(url!, roomId, access);
    expect((await listSfuRooms(url!, access)).find((room) => room.room === roomId)).toEqual({ room: roomId, participants: 0 });
    await destroySfuRoom(url!, roomId, access);
    expect((await listSfuRooms(url!, access)).some((room) => room.room === roomId)).toBe(false);
    await destroySfuRoom(url!, roomId, access);
  });

  it("lets only the app server create rooms: a valid token without the admin key is refused", async () => {
    const { token } = mintJanusToken({ secret: access.tokenSecret, ttlSeconds: 60 });
    const connection = await Janode.connect({ address: { url: url!, token }, retry_time_secs: 1, max_retries: 1 });
    try {
      const session = await connection.create();
      const handle = await session.attach(VideoRoomPlugin);
      await expect(handle.create({ room: `forged-${randomUUID()}` })).rejects.toThrow(/admin_key|Unauthorized|403|423/);
      await session.destroy();
    } finally {
      await connection.close().catch(() => {});
    }
  });

  it("places meetings on a healthy instance, keeps a meeting where its room is, and reports a dead one", async () => {
    const dead = await probeInstance(deadUrl, access, 1_000);
    expect(dead.healthy).toBe(false);
    expect(await placeMeeting([deadUrl, url!], `it-${randomUUID()}`, access)).toBe(url);
    const roomId = `it-${randomUUID()}`;
    created.push(roomId);
    await ensureSfuRoom(url!, roomId, access);
    expect(await placeMeeting([url!, deadUrl], roomId, access)).toBe(url);
    await expect(placeMeeting([deadUrl], roomId, access)).rejects.toThrow(/No Janus instance answers/);
  });
});
