import { afterEach, describe, expect, it } from "vitest";
import { MAX_CLIENT_MESSAGE_BYTES } from "@/lib/signaling";
import { PartyClient, freshRoomId, partykitUrl, refusalStatus, roomSocketUrl, tokenFor } from "./party-client";

const openClients: PartyClient[] = [];
async function join(...args: Parameters<typeof PartyClient.join>) {
  const joined = await PartyClient.join(...args);
  openClients.push(joined.client);
  return joined;
}
afterEach(async () => {
  await Promise.all(openClients.splice(0).map((client) => client.close()));
});

async function expectStillWorking(client: PartyClient, roomId: string) {
  client.send({ type: "ping" });
  await client.next("pong");
  const { welcome } = await join(roomId, { name: "Latecomer" });
  const joined = await client.next("participant-joined");
  expect(joined.participant).toEqual(welcome.self);
}

describe("PartyKit meeting: join tokens", () => {
  it("welcomes a valid token with its own identity", async () => {
    const roomId = freshRoomId();
    const { welcome } = await join(roomId, { userId: "user-alice", name: "Alice", role: "host" });

    expect(welcome).toMatchObject({ v: 1, self: { userId: "user-alice", name: "Alice", role: "host" } });
    expect(welcome.participants).toEqual([welcome.self]);
    expect(Math.abs(welcome.self.joinedAt - Date.now())).toBeLessThan(10_000);
  });

  it("announces joins and departures to the people already in the room", async () => {
    const roomId = freshRoomId();
    const alice = await join(roomId, { name: "Alice" });
    const bob = await join(roomId, { name: "Bob" });

    expect((await alice.client.next("participant-joined")).participant).toEqual(bob.welcome.self);
    expect(bob.welcome.participants).toEqual([alice.welcome.self, bob.welcome.self]);

    await bob.client.close();
    expect(await alice.client.next("participant-left")).toEqual({ type: "participant-left", participantId: bob.welcome.self.id });
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
    const client = await PartyClient.open(roomSocketUrl(roomId, { token, _pk: "chosen-by-client" }), {
      "x-confer-verified-identity": forgedIdentity,
    });
    openClients.push(client);
    client.send({ type: "hello", v: 1 });

    const { self } = await client.next("welcome");
    expect(self).toMatchObject({ userId: "user-bob", name: "Bob", role: "participant" });
    expect(self.id).not.toBe("chosen-by-client");
  });
});

describe("PartyKit meeting: hostile input", () => {
  it.each([
    ["malformed JSON", "{nope", "invalid_message"],
    ["a schema mismatch", JSON.stringify({ type: "hello", v: "one" }), "invalid_message"],
    ["an unknown type", JSON.stringify({ type: "launch-missiles" }), "unknown_type"],
    ["an oversized message", JSON.stringify({ type: "ping", pad: "x".repeat(MAX_CLIENT_MESSAGE_BYTES) }), "message_too_large"],
    ["a binary frame", Buffer.from([1, 2, 3]), "invalid_message"],
    ["a second hello", JSON.stringify({ type: "hello", v: 1 }), "already_joined"],
  ] as const)("answers %s with an error to the sender only, and the room keeps working", async (_label, frame, code) => {
    const roomId = freshRoomId();
    const bystander = await join(roomId, { name: "Bystander" });
    const sender = await join(roomId, { name: "Sender" });
    await bystander.client.next("participant-joined");

    sender.client.send(frame);
    expect(await sender.client.next("error")).toMatchObject({ code });

    await expectStillWorking(sender.client, roomId);
    expect(bystander.client.drain("error")).toEqual([]);
  });

  it("keeps a connection that speaks another version out of the roster", async () => {
    const roomId = freshRoomId();
    const member = await join(roomId);
    const client = await PartyClient.open(roomSocketUrl(roomId, { token: await tokenFor(roomId) }));
    openClients.push(client);

    client.send({ type: "hello", v: 2 });
    expect(await client.next("error")).toMatchObject({ code: "unsupported_version" });
    const { welcome } = await join(roomId, { name: "Checker" });
    expect(welcome.participants.map((participant) => participant.id)).toEqual([member.welcome.self.id, welcome.self.id]);
  });

  it("throttles a flooding connection once, without affecting another room", async () => {
    const floodedRoom = freshRoomId();
    const quietRoom = freshRoomId();
    const flooder = await join(floodedRoom, { name: "Flooder" });
    const neighbour = await join(quietRoom, { name: "Neighbour" });

    const started = Date.now();
    for (let sent = 0; sent < 400; sent += 1) flooder.client.send({ type: "ping" });
    expect(await flooder.client.next("error")).toMatchObject({ code: "rate_limited" });

    neighbour.client.send({ type: "ping" });
    await neighbour.client.next("pong");
    await expectStillWorking(neighbour.client, quietRoom);

    // Let every answer to the flood arrive, then count: the burst (less the hello) plus what refilled meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const answered = flooder.client.drain("pong").length;
    const floodSeconds = (Date.now() - started) / 1000;
    expect(answered).toBeGreaterThanOrEqual(99);
    expect(answered).toBeLessThanOrEqual(99 + Math.ceil(50 * floodSeconds));
    expect(flooder.client.drain("error")).toEqual([]);
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
