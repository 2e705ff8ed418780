import Janode from "janode";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { listSfuRooms, destroySfuRoom } from "@/lib/sfu/sfu-rooms";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

const janusConfigured = Boolean(process.env.JANUS_URLS);
const access = { tokenSecret: process.env.JANUS_TOKEN_SECRET ?? "", adminKey: process.env.JANUS_ADMIN_KEY ?? "", tokenTtlSeconds: 120 };

let owner: TestUser;
let colleague: TestUser;
let roomId: string;

beforeAll(async () => {
  [owner, colleague] = await Promise.all([createTestUser("employee", "sfu-owner"), createTestUser("employee", "sfu-colleague")]);
  roomId = (await callApi("/api/rooms", { as: owner, method: "POST", body: { name: "All hands" } })).body.id as string;
});

afterAll(async () => {
  if (janusConfigured) await destroySfuRoom(process.env.JANUS_URLS!.split(",")[0]!, roomId, access);
  await prisma.room.deleteMany({ where: { ownerId: owner.id } });
  await deleteTestUsers([owner, colleague]);
});

type SfuGrant = { url: string; room: string; token: string; expiresAt: string };

describe.skipIf(!janusConfigured)("SFU access for a room", () => {
  it("places the room's meeting on Janus and hands each person a token Janus accepts", async () => {
    const first = await callApi(`/api/rooms/${roomId}/sfu`, { as: owner, method: "POST" });
    expect(first.status).toBe(200);
    const grant = first.body as unknown as SfuGrant;
    expect(grant.room).toBe(roomId);
    expect(new Date(grant.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await listSfuRooms(grant.url, access)).some((room) => room.room === roomId)).toBe(true);

    // A colleague asking next lands on the same instance and room, with a token of their own.
    const second = (await callApi(`/api/rooms/${roomId}/sfu`, { as: colleague, method: "POST" })).body as unknown as SfuGrant;
    expect(second.url).toBe(grant.url);
    expect(second.room).toBe(roomId);

    const connection = await Janode.connect({ address: { url: second.url, token: second.token }, retry_time_secs: 1, max_retries: 1 });
    try {
      const session = await connection.create();
      await session.destroy();
    } finally {
      await connection.close();
    }
  });

  it("refuses a room that does not exist", async () => {
    const response = await callApi(`/api/rooms/cmnonexistent0000000000000/sfu`, { as: owner, method: "POST" });
    expect(response.status).toBe(404);
  });
});
