import { afterEach, describe, expect, it } from "vitest";
import { MAX_CLIENT_MESSAGE_BYTES, PROTOCOL_VERSION } from "@/lib/signaling";
import { clientRegistry, freshRoomId, PartyClient, roomSocketUrl, tokenFor } from "./party-client";

const clients = clientRegistry();
afterEach(() => clients.leaveAll());

async function expectStillServing(client: PartyClient, roomId: string) {
  client.send({ type: "ping" });
  await client.next("pong");
  const { welcome } = clients.track(await PartyClient.join(roomId, { name: "Latecomer" }));
  expect((await client.next("participant-joined", (joined) => joined.participant.id === welcome.self.id)).participant).toEqual(welcome.self);
}

describe("PartyKit meeting: hostile input", () => {
  it.each([
    ["malformed JSON", "{nope", "invalid_message"],
    ["a schema mismatch", JSON.stringify({ type: "hello", v: "two" }), "invalid_message"],
    ["a wrongly typed field", JSON.stringify({ type: "media", audio: "yes", video: false, screen: false }), "invalid_message"],
    ["a reaction outside the set", JSON.stringify({ type: "reaction", emoji: "<script>" }), "invalid_message"],
    ["an attachment described instead of ticketed", JSON.stringify({ type: "chat", text: "x", attachments: [{ name: "x", size: 1, mimeType: "text/html", url: "https://evil.example" }] }), "invalid_message"],
    ["a forged attachment ticket", JSON.stringify({ type: "chat", text: "x", attachments: [{ ticket: "eyJhbGciOiJIUzI1NiJ9.e30.c2ln" }] }), "invalid_message"],
    ["an unknown type", JSON.stringify({ type: "launch-missiles" }), "unknown_type"],
    ["an oversized message", JSON.stringify({ type: "ping", pad: "x".repeat(MAX_CLIENT_MESSAGE_BYTES) }), "message_too_large"],
    ["a binary frame", Buffer.from([1, 2, 3]), "invalid_message"],
    ["a second hello", JSON.stringify({ type: "hello", v: PROTOCOL_VERSION }), "already_joined"],
    ["a signal to nobody", JSON.stringify({ type: "signal", to: "nobody", payload: { kind: "end-of-candidates" } }), "unknown_participant"],
  ] as const)("answers %s with an error to the sender only, and the room keeps working", async (_label, frame, code) => {
    const roomId = freshRoomId();
    const bystander = clients.track(await PartyClient.join(roomId, { name: "Bystander" }));
    const sender = clients.track(await PartyClient.join(roomId, { name: "Sender" }));
    await bystander.client.next("participant-joined");

    sender.client.send(frame);
    expect(await sender.client.next("error")).toMatchObject({ code });

    await expectStillServing(sender.client, roomId);
    expect(await bystander.client.settled("error", 100)).toEqual([]);
    expect(await bystander.client.settled("participant-updated", 0)).toEqual([]);
  });

  it("keeps a socket that speaks another version, or has not said hello, out of the meeting", async () => {
    const roomId = freshRoomId();
    const member = clients.track(await PartyClient.join(roomId));
    const client = clients.track(await PartyClient.open(roomSocketUrl(roomId, { token: await tokenFor(roomId) })));

    client.send({ type: "media", audio: true, video: true, screen: false });
    expect(await client.next("error")).toMatchObject({ code: "not_joined" });
    client.send({ type: "hello", v: 1 });
    expect(await client.next("error")).toMatchObject({ code: "unsupported_version" });
    const { welcome } = clients.track(await PartyClient.join(roomId, { name: "Checker" }));
    expect(welcome.participants.map((participant) => participant.id)).toEqual([member.welcome.self.id, welcome.self.id]);
  });

  it("throttles a flooding connection once, without affecting another room", async () => {
    const floodedRoom = freshRoomId();
    const quietRoom = freshRoomId();
    const flooder = clients.track(await PartyClient.join(floodedRoom, { name: "Flooder" }));
    const neighbour = clients.track(await PartyClient.join(quietRoom, { name: "Neighbour" }));

    const started = Date.now();
    for (let sent = 0; sent < 400; sent += 1) flooder.client.send({ type: "ping" });
    expect(await flooder.client.next("error")).toMatchObject({ code: "rate_limited" });

    neighbour.client.send({ type: "ping" });
    await neighbour.client.next("pong");
    await expectStillServing(neighbour.client, quietRoom);

    // Let every answer to the flood arrive, then count: the burst (less the hello) plus what refilled meanwhile.
    const answered = (await flooder.client.settled("pong", 500)).length;
    const floodSeconds = (Date.now() - started) / 1000;
    expect(answered).toBeGreaterThanOrEqual(99);
    expect(answered).toBeLessThanOrEqual(99 + Math.ceil(50 * floodSeconds));
    expect(flooder.client.drain("error")).toEqual([]);
  });

  it("throttles a chat flood harder, and the others see only what got through", async () => {
    const roomId = freshRoomId();
    const reader = clients.track(await PartyClient.join(roomId, { name: "Reader" }));
    const spammer = clients.track(await PartyClient.join(roomId, { name: "Spammer" }));
    for (let sent = 0; sent < 60; sent += 1) spammer.client.send({ type: "chat", text: `spam ${sent}` });
    expect(await spammer.client.next("error")).toMatchObject({ code: "rate_limited" });
    const seen = await reader.client.settled("chat", 500);
    expect(seen.length).toBeGreaterThanOrEqual(20);
    expect(seen.length).toBeLessThan(30);
  });
});
