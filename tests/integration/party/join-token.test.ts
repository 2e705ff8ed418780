import { afterEach, describe, expect, it } from "vitest";
import { PROTOCOL_VERSION } from "@/lib/signaling";
import { clientRegistry, freshRoomId, PartyClient, partykitUrl, refusalStatus, roomSocketUrl, tokenFor } from "./party-client";

const clients = clientRegistry();
afterEach(() => clients.leaveAll());

describe("PartyKit meeting: join tokens", () => {
  it("welcomes a valid token with its own identity and a server-chosen participant id", async () => {
    const roomId = freshRoomId();
    const { welcome } = clients.track(await PartyClient.join(roomId, { userId: "user-alice", name: "Alice", role: "host" }));

    expect(welcome).toMatchObject({
      v: PROTOCOL_VERSION,
      self: { userId: "user-alice", name: "Alice", role: "host", connection: "connected" },
      chat: [],
      room: { locked: false, spotlight: null },
      resumed: false,
    });
    expect(welcome.participants).toEqual([welcome.self]);
    expect(Math.abs(welcome.self.joinedAt - Date.now())).toBeLessThan(10_000);
  });

  it("announces a joiner to the people already in the room", async () => {
    const roomId = freshRoomId();
    const alice = clients.track(await PartyClient.join(roomId, { name: "Alice" }));
    const bob = clients.track(await PartyClient.join(roomId, { name: "Bob" }));

    expect((await alice.client.next("participant-joined")).participant).toEqual(bob.welcome.self);
    expect(bob.welcome.participants).toEqual([alice.welcome.self, bob.welcome.self]);
  });

  it("refuses the upgrade for bad, missing, expired and foreign tokens", async () => {
    const roomId = freshRoomId();
    const expired = await tokenFor(roomId, {}, { now: new Date(Date.now() - 120_000) });
    const wrongSecret = await tokenFor(roomId, {}, { secret: "w".repeat(32) });
    const forOtherRoom = await tokenFor(freshRoomId());

    expect(await refusalStatus(roomSocketUrl(roomId, { token: expired }))).toEqual({ status: 401, body: "expired" });
    expect(await refusalStatus(roomSocketUrl(roomId, { token: wrongSecret }))).toEqual({ status: 401, body: "invalid" });
    expect(await refusalStatus(roomSocketUrl(roomId, { token: "garbage" }))).toEqual({ status: 401, body: "invalid" });
    expect(await refusalStatus(roomSocketUrl(roomId))).toEqual({ status: 401, body: "missing-token" });
    expect(await refusalStatus(roomSocketUrl(roomId, { token: forOtherRoom }))).toEqual({ status: 403, body: "wrong-room" });
  });

  it("takes identity and connection id from the token, not from anything else the client sends", async () => {
    const roomId = freshRoomId();
    const token = await tokenFor(roomId, { userId: "user-bob", name: "Bob", role: "participant" });
    const forgedIdentity = JSON.stringify({ userId: "user-alice", name: "Alice", roomId, role: "host" });
    const client = clients.track(
      await PartyClient.open(roomSocketUrl(roomId, { token, _pk: "chosen-by-client" }), { "x-confer-verified-identity": forgedIdentity }),
    );
    client.send({ type: "hello", v: PROTOCOL_VERSION });

    const { self } = await client.next("welcome");
    expect(self).toMatchObject({ userId: "user-bob", name: "Bob", role: "participant" });
    expect(self.id).not.toBe("chosen-by-client");
  });
});

describe("PartyKit meeting: HTTP", () => {
  it("answers the health check and nothing else", async () => {
    const health = await fetch(new URL("/parties/main/health", partykitUrl));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ ok: true });

    expect((await fetch(new URL(`/parties/main/${freshRoomId()}`, partykitUrl))).status).toBe(404);
    expect((await fetch(new URL("/parties/main/health", partykitUrl), { method: "POST" })).status).toBe(404);
  });
});
