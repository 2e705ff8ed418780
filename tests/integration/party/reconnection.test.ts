import { afterEach, describe, expect, it } from "vitest";
import { clientRegistry, freshRoomId, PartyClient } from "./party-client";

const clients = clientRegistry();
afterEach(() => clients.leaveAll());

describe("PartyKit meeting: reconnection", () => {
  it("resumes after a dropped socket with the same participant id; the others see reconnecting then connected, never a departure", async () => {
    const roomId = freshRoomId();
    const alice = clients.track(await PartyClient.join(roomId, { name: "Alice" }));
    const bob = await PartyClient.join(roomId, { name: "Bob" });
    await alice.client.next("participant-joined");
    bob.client.send({ type: "media", audio: true, video: true, screen: false });
    await alice.client.next("participant-updated");

    await bob.client.drop();
    expect((await alice.client.next("participant-updated")).participant).toMatchObject({ id: bob.welcome.self.id, connection: "reconnecting" });
    // While Bob is away, Alice's engine keeps negotiating; the signal waits for him.
    alice.client.send({ type: "signal", to: bob.welcome.self.id, payload: { kind: "end-of-candidates" } });
    await alice.client.settled("error", 200).then((errors) => expect(errors).toEqual([]));

    // A fresh join token, as for every connection, plus the resume token from the last welcome.
    const back = clients.track(await PartyClient.join(roomId, { name: "Bob", userId: bob.welcome.self.userId }, { resume: bob.welcome.resume }));
    expect(back.welcome).toMatchObject({ resumed: true, self: { id: bob.welcome.self.id, media: { audio: true, video: true }, connection: "connected" } });
    expect(back.welcome.resume).not.toBe(bob.welcome.resume);
    expect(await back.client.next("signal")).toEqual({ type: "signal", from: alice.welcome.self.id, payload: { kind: "end-of-candidates" } });
    expect((await alice.client.next("participant-updated")).participant).toMatchObject({ id: bob.welcome.self.id, connection: "connected" });
    expect(await alice.client.settled("participant-left")).toEqual([]);
    expect(alice.client.drain("participant-joined")).toEqual([]);
  });

  it("treats a second tab of the same user without a resume token as another participant", async () => {
    const roomId = freshRoomId();
    const first = clients.track(await PartyClient.join(roomId, { userId: "user-twin", name: "Twin" }));
    const second = clients.track(await PartyClient.join(roomId, { userId: "user-twin", name: "Twin" }));
    expect(second.welcome.self.id).not.toBe(first.welcome.self.id);
    expect((await first.client.next("participant-joined")).participant.id).toBe(second.welcome.self.id);
  });

  it("does not let another user resume with a stolen token", async () => {
    const roomId = freshRoomId();
    const bob = await PartyClient.join(roomId, { name: "Bob" });
    await bob.client.drop();
    const thief = clients.track(await PartyClient.join(roomId, { name: "Mallory" }, { resume: bob.welcome.resume }));
    expect(thief.welcome.resumed).toBe(false);
    expect(thief.welcome.self.id).not.toBe(bob.welcome.self.id);
    const back = clients.track(await PartyClient.join(roomId, { name: "Bob", userId: bob.welcome.self.userId }, { resume: bob.welcome.resume }));
    expect(back.welcome.self.id).toBe(bob.welcome.self.id);
  });

  it("announces a deliberate leave at once", async () => {
    const roomId = freshRoomId();
    const alice = clients.track(await PartyClient.join(roomId, { name: "Alice" }));
    const bob = await PartyClient.join(roomId, { name: "Bob" });
    await alice.client.next("participant-joined");
    const started = Date.now();
    await bob.client.leave();
    expect(await alice.client.next("participant-left")).toEqual({ type: "participant-left", participantId: bob.welcome.self.id, reason: "left" });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(await bob.client.closed).toMatchObject({ code: 1000 });
  });
});
