import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { afterEach, describe, expect, it } from "vitest";
import type { RtcSignal } from "@/lib/signaling";
import { signAttachmentTicket } from "@/lib/chat/attachment-ticket";
import { clientRegistry, freshRoomId, PartyClient, partyPresence, partySecret } from "./party-client";

const clients = clientRegistry();
afterEach(() => clients.leaveAll());

async function room(...people: { name: string; role?: "host" | "participant" | "presenter" | "observer" }[]) {
  const roomId = freshRoomId();
  const joined = [];
  for (const person of people) joined.push(clients.track(await PartyClient.join(roomId, person)));
  // Everyone has heard of everyone before the test starts.
  for (const [index, member] of joined.entries()) {
    for (let later = index + 1; later < joined.length; later += 1) await member.client.next("participant-joined");
  }
  return { roomId, people: joined };
}

/** What the upload route would vouch for: a file stored for the running meeting of `roomId`, shared by `ownerId`. */
async function storedFileOf(roomId: string, ownerId: string) {
  const { meetingId } = await partyPresence(roomId, ownerId);
  return { fileId: "plan1", meetingId: meetingId!, ownerId, name: "plan.pdf", size: 2048, mimeType: "application/pdf" };
}

const offer: RtcSignal = { kind: "description", description: { type: "offer", sdp: "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n" } };

describe("PartyKit meeting: relay and live state", () => {
  it("relays a signal to the addressed participant only", async () => {
    const {
      people: [alice, bob, carol],
    } = await room({ name: "Alice" }, { name: "Bob" }, { name: "Carol" });
    alice!.client.send({ type: "signal", to: bob!.welcome.self.id, payload: offer });

    expect(await bob!.client.next("signal")).toEqual({ type: "signal", from: alice!.welcome.self.id, payload: offer });
    expect(await carol!.client.settled("signal")).toEqual([]);
    expect(await alice!.client.settled("signal", 0)).toEqual([]);
  });

  it("moves the meeting to the SFU when the fifth person joins and back to the mesh when it is down to three", async () => {
    const { roomId, people } = await room({ name: "Ann" }, { name: "Ben" }, { name: "Cat" }, { name: "Dan" });
    for (const person of people) expect(person.welcome.room.mediaPath).toBe("mesh");
    const eve = clients.track(await PartyClient.join(roomId, { name: "Eve" }));
    expect(eve.welcome.room.mediaPath).toBe("sfu");
    for (const person of people) expect(await person.client.next("room-updated")).toMatchObject({ mediaPath: "sfu" });

    await eve.client.leave();
    expect(await people[0]!.client.settled("room-updated")).toEqual([]);
    await people[3]!.client.leave();
    for (const person of people.slice(0, 3)) expect(await person.client.next("room-updated")).toMatchObject({ mediaPath: "mesh" });
  });

  it("broadcasts chat to everyone and gives later joiners the history", async () => {
    const {
      roomId,
      people: [alice, bob],
    } = await room({ name: "Alice" }, { name: "Bob" });
    const file = await storedFileOf(roomId, alice!.welcome.self.userId);
    const attachment = { name: "plan.pdf", size: 2048, mimeType: "application/pdf", url: "/api/files/plan1" };
    alice!.client.send({ type: "chat", text: "**agenda**", attachments: [{ ticket: await signAttachmentTicket(file, partySecret) }] });

    const expected = { from: alice!.welcome.self.id, userId: alice!.welcome.self.userId, name: "Alice", text: "**agenda**", attachments: [attachment] };
    const received = await bob!.client.next("chat");
    expect(received.message).toMatchObject(expected);
    expect((await alice!.client.next("chat")).message).toEqual(received.message);

    const { welcome } = clients.track(await PartyClient.join(roomId, { name: "Carol" }));
    expect(welcome.chat).toEqual([received.message]);
  });

  it.each([
    ["signed with another secret", { secret: "x".repeat(48) }, "invalid_message"],
    ["stored for another meeting", { meetingId: "an-earlier-meeting" }, "invalid_message"],
    ["shared by someone else", { ownerId: "user-somebody-else" }, "forbidden"],
  ] as const)("refuses an attachment %s, to the sender only", async (_label, change, code) => {
    const {
      roomId,
      people: [alice, bob],
    } = await room({ name: "Alice" }, { name: "Bob" });
    const file = await storedFileOf(roomId, alice!.welcome.self.userId);
    const ticket = await signAttachmentTicket({ ...file, ...change }, "secret" in change ? change.secret : partySecret);
    alice!.client.send({ type: "chat", text: "see attached", attachments: [{ ticket }] });
    expect(await alice!.client.next("error")).toMatchObject({ code });
    expect(await bob!.client.settled("chat")).toEqual([]);
  });

  it("propagates media, hands, reactions and quality to every tile", async () => {
    const {
      people: [alice, bob],
    } = await room({ name: "Alice" }, { name: "Bob" });
    const bobId = bob!.welcome.self.id;
    const aboutBob = (update: { participant: { id: string } }) => update.participant.id === bobId;

    bob!.client.send({ type: "media", audio: true, video: true, screen: false });
    expect((await alice!.client.next("participant-updated", aboutBob)).participant.media).toEqual({ audio: true, video: true, screen: false });

    const before = Date.now();
    bob!.client.send({ type: "hand", raised: true });
    const { hand } = (await alice!.client.next("participant-updated", aboutBob)).participant;
    expect(hand.raised).toBe(true);
    expect(hand.raisedAt).toBeGreaterThanOrEqual(before - 5_000);

    bob!.client.send({ type: "reaction", emoji: "👏" });
    expect(await alice!.client.next("reaction")).toEqual({ type: "reaction", from: bobId, emoji: "👏" });

    const summary = { lossPct: 8, rttMs: 320, jitterMs: 40, bitrateInKbps: 150, bitrateOutKbps: 90 };
    bob!.client.send({ type: "quality", level: "poor", summary });
    expect((await alice!.client.next("participant-updated", aboutBob)).participant.quality).toEqual({ level: "poor", summary });
    // The sender sees its own updates too.
    expect((await bob!.client.next("participant-updated", (update) => update.participant.quality !== undefined)).participant.quality?.level).toBe("poor");
  });
});

describe("PartyKit meeting: host actions", () => {
  it("refuses every host action forged by a participant, and nothing changes", async () => {
    const {
      roomId,
      people: [host, mallory],
    } = await room({ name: "Hannah", role: "host" }, { name: "Mallory", role: "participant" });
    const hostId = host!.welcome.self.id;
    for (const forged of [
      { type: "mute", participantId: hostId },
      { type: "remove", participantId: hostId },
      { type: "end" },
      { type: "lock", locked: true },
      { type: "spotlight", participantId: mallory!.welcome.self.id },
      { type: "record", on: true },
    ]) {
      mallory!.client.send(forged);
      expect(await mallory!.client.next("error")).toMatchObject({ code: "forbidden" });
    }
    expect(await host!.client.settled("room-updated", 200)).toEqual([]);
    expect(host!.client.drain("muted-by-host")).toEqual([]);
    expect(host!.client.socket.readyState).toBe(host!.client.socket.OPEN);
    const { welcome } = clients.track(await PartyClient.join(roomId, { name: "Checker" }));
    expect(welcome.room).toEqual({ locked: false, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" });
    expect(welcome.participants).toHaveLength(3);
  });

  it("lets a host record: everyone hears who records, the app's presence query names the recorder, a stop clears it", async () => {
    const {
      roomId,
      people: [host, bob],
    } = await room({ name: "Hannah", role: "host" }, { name: "Bob" });
    host!.client.send({ type: "record", on: true });
    const started = await bob!.client.next("room-updated");
    expect(started.recording).toMatchObject({ by: host!.welcome.self.id, userId: host!.welcome.self.userId, part: 1 });
    expect((await host!.client.next("room-updated")).recording).toEqual(started.recording);
    expect((await partyPresence(roomId, host!.welcome.self.userId)).recording).toEqual(started.recording);
    const { welcome } = clients.track(await PartyClient.join(roomId, { name: "Late" }));
    expect(welcome.room.recording).toEqual(started.recording);

    host!.client.send({ type: "record", on: false });
    expect((await bob!.client.next("room-updated")).recording).toBeNull();
    expect((await partyPresence(roomId, host!.welcome.self.userId)).recording).toBeNull();
  });

  it("lets the host mute, spotlight, lock (refusing a new joiner) and remove", async () => {
    const {
      roomId,
      people: [host, bob, carol],
    } = await room({ name: "Hannah", role: "host" }, { name: "Bob" }, { name: "Carol" });
    const bobId = bob!.welcome.self.id;
    bob!.client.send({ type: "media", audio: true, video: false, screen: false });
    await carol!.client.next("participant-updated");

    host!.client.send({ type: "mute", participantId: bobId });
    expect(await bob!.client.next("muted-by-host")).toEqual({ type: "muted-by-host", by: host!.welcome.self.id });
    expect((await carol!.client.next("participant-updated")).participant.media.audio).toBe(false);

    host!.client.send({ type: "spotlight", participantId: carol!.welcome.self.id });
    expect(await bob!.client.next("room-updated")).toEqual({ type: "room-updated", locked: false, spotlight: carol!.welcome.self.id, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" });

    host!.client.send({ type: "lock", locked: true });
    expect(await bob!.client.next("room-updated")).toMatchObject({ locked: true });
    const stranger = await PartyClient.connect(roomId, { name: "Stranger" });
    expect(await stranger.next("error")).toMatchObject({ code: "room_locked" });
    expect(await stranger.closed).toMatchObject({ code: 4003 });
    const cohost = clients.track(await PartyClient.join(roomId, { name: "Cohost", role: "host" }));
    expect(cohost.welcome.room.locked).toBe(true);

    host!.client.send({ type: "remove", participantId: bobId });
    expect(await bob!.client.next("removed")).toEqual({ type: "removed", by: host!.welcome.self.id });
    expect(await bob!.client.closed).toMatchObject({ code: 4001 });
    expect(await carol!.client.next("participant-left")).toEqual({ type: "participant-left", participantId: bobId, reason: "removed" });
    // The removed participant's resume token is dead, and the room is still locked.
    const back = await PartyClient.connect(roomId, { name: "Bob", userId: bob!.welcome.self.userId }, { resume: bob!.welcome.resume });
    expect(await back.next("error")).toMatchObject({ code: "room_locked" });
    await back.closed;
  });

  it("ends the meeting for everyone, and the next joiner finds it empty", async () => {
    const {
      roomId,
      people: [host, bob],
    } = await room({ name: "Hannah", role: "host" }, { name: "Bob" });
    bob!.client.send({ type: "chat", text: "bye" });
    await host!.client.next("chat");
    host!.client.send({ type: "end" });
    for (const person of [host!, bob!]) {
      expect(await person.client.next("ended")).toEqual({ type: "ended", by: host!.welcome.self.id });
      expect(await person.client.closed).toMatchObject({ code: 4002 });
    }
    const { welcome } = clients.track(await PartyClient.join(roomId, { name: "Next" }));
    expect(welcome).toMatchObject({ chat: [], participants: [welcome.self], room: { locked: false, spotlight: null } });
  });
});
