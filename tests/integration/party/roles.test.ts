import { afterEach, describe, expect, it } from "vitest";
import { defaultRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { CLOSE_CODES, type MeetingRole } from "@/lib/signaling";
import { clientRegistry, freshRoomId, PartyClient } from "./party-client";

const clients = clientRegistry();
afterEach(() => clients.leaveAll());

/** Everyone's token carries the same policy, as Next.js issues them for one room. */
async function room(policy: RoomPolicy, ...people: { name: string; role: MeetingRole }[]) {
  const roomId = freshRoomId();
  const joined = [];
  for (const person of people) joined.push(clients.track(await PartyClient.join(roomId, { ...person, policy })));
  for (const [index, member] of joined.entries()) {
    for (let later = index + 1; later < joined.length; later += 1) await member.client.next("participant-joined");
  }
  return { roomId, people: joined };
}

describe("PartyKit meeting: roles", () => {
  it("refuses forged host actions and forbidden media from every other role, and nothing changes", { timeout: 30_000 }, async () => {
    const policy: RoomPolicy = { ...defaultRoomPolicy, screenShare: "presenters", waitingRoom: false };
    const {
      roomId,
      people: [host, presenter, participant, observer],
    } = await room(
      policy,
      { name: "Hannah", role: "host" },
      { name: "Carol", role: "presenter" },
      { name: "Bob", role: "participant" },
      { name: "Olga", role: "observer" },
    );
    const hostId = host!.welcome.self.id;
    const forged = [
      { type: "mute", participantId: hostId },
      { type: "mute-all", exceptPresenters: false },
      { type: "ask-unmute", participantId: hostId },
      { type: "lower-hands" },
      { type: "stop-share", participantId: hostId },
      { type: "remove", participantId: hostId },
      { type: "end" },
      { type: "lock", locked: true },
      { type: "spotlight", participantId: hostId },
      { type: "set-role", participantId: hostId, role: "observer" },
      { type: "admit", all: true },
      { type: "deny", participantId: hostId },
    ];
    for (const sender of [presenter!, participant!, observer!]) {
      for (const message of forged) {
        sender.client.send(message);
        expect(await sender.client.next("error"), `${message.type} from ${sender.welcome.self.role}`).toMatchObject({ code: "forbidden" });
      }
    }
    for (const media of [
      { audio: true, video: false, screen: false },
      { audio: false, video: true, screen: false },
      { audio: false, video: false, screen: true },
    ]) {
      observer!.client.send({ type: "media", ...media });
      expect(await observer!.client.next("error")).toMatchObject({ code: "forbidden", message: expect.stringMatching(/Observers can't/) });
    }
    participant!.client.send({ type: "media", audio: true, video: true, screen: true });
    expect(await participant!.client.next("error")).toMatchObject({ code: "forbidden", message: expect.stringMatching(/hosts and presenters/) });

    // Nothing changed: nobody heard of any of it, and a newcomer sees the meeting as it was.
    for (const member of [host!, presenter!, participant!, observer!]) {
      expect(await member.client.settled("participant-updated", 200)).toEqual([]);
      expect(member.client.drain("participant-left")).toEqual([]);
      expect(member.client.drain("room-updated")).toEqual([]);
      expect(member.client.drain("ended")).toEqual([]);
    }
    const { welcome } = clients.track(await PartyClient.join(roomId, { name: "Dora", role: "participant", policy }));
    expect(welcome.room).toMatchObject({ locked: false, spotlight: null, policy });
    expect(welcome.participants.map((person) => [person.name, person.role, person.media])).toEqual([
      ["Hannah", "host", { audio: false, video: false, screen: false }],
      ["Carol", "presenter", { audio: false, video: false, screen: false }],
      ["Bob", "participant", { audio: false, video: false, screen: false }],
      ["Olga", "observer", { audio: false, video: false, screen: false }],
      ["Dora", "participant", { audio: false, video: false, screen: false }],
    ]);

    // A presenter may share.
    presenter!.client.send({ type: "media", audio: true, video: false, screen: true });
    expect((await host!.client.next("participant-updated")).participant).toMatchObject({ name: "Carol", media: { screen: true } });
  });

  it("refuses chat when the room turned it off", async () => {
    const {
      people: [host, bob],
    } = await room({ ...defaultRoomPolicy, chatEnabled: false }, { name: "Hannah", role: "host" }, { name: "Bob", role: "participant" });
    host!.client.send({ type: "chat", text: "anyone?" });
    expect(await host!.client.next("error")).toMatchObject({ code: "forbidden", message: "Chat is turned off for this meeting" });
    expect(await bob!.client.settled("chat")).toEqual([]);
  });

  it("changes roles live, and a changed role survives a reconnection", { timeout: 30_000 }, async () => {
    const {
      roomId,
      people: [host, bob, olga],
    } = await room(defaultRoomPolicy, { name: "Hannah", role: "host" }, { name: "Bob", role: "participant" }, { name: "Olga", role: "observer" });
    const olgaId = olga!.welcome.self.id;
    const aboutOlga = (update: { participant: { id: string } }) => update.participant.id === olgaId;

    host!.client.send({ type: "set-role", participantId: olgaId, role: "presenter" });
    for (const member of [host!, bob!, olga!]) expect((await member.client.next("participant-updated", aboutOlga)).participant.role).toBe("presenter");
    olga!.client.send({ type: "media", audio: true, video: true, screen: true });
    expect((await bob!.client.next("participant-updated", aboutOlga)).participant.media).toEqual({ audio: true, video: true, screen: true });

    // Reconnecting with a token that still says observer keeps the live role.
    await olga!.client.drop();
    await bob!.client.next("participant-updated", (update) => aboutOlga(update) && update.participant.connection === "reconnecting");
    const back = clients.track(
      await PartyClient.join(roomId, { name: "Olga", role: "observer", userId: olga!.welcome.self.userId }, { resume: olga!.welcome.resume }),
    );
    expect(back.welcome).toMatchObject({ resumed: true, self: { id: olgaId, role: "presenter", media: { screen: true } } });

    // Demoted to observer: her media is off for everyone at once.
    host!.client.send({ type: "set-role", participantId: olgaId, role: "observer" });
    expect((await bob!.client.next("participant-updated", (update) => aboutOlga(update) && update.participant.role === "observer")).participant.media).toEqual({
      audio: false,
      video: false,
      screen: false,
    });

    // A co-host can demote the original host, who loses host actions at once.
    host!.client.send({ type: "set-role", participantId: bob!.welcome.self.id, role: "host" });
    await bob!.client.next("participant-updated", (update) => update.participant.role === "host");
    bob!.client.send({ type: "set-role", participantId: host!.welcome.self.id, role: "participant" });
    await host!.client.next("participant-updated", (update) => update.participant.id === host!.welcome.self.id && update.participant.role === "participant");
    host!.client.send({ type: "lock", locked: true });
    expect(await host!.client.next("error")).toMatchObject({ code: "forbidden" });
  });

  it("refuses joiners beyond maxParticipants with a clear error and close code; hosts still get in", async () => {
    const policy = { ...defaultRoomPolicy, maxParticipants: 2 };
    const { roomId } = await room(policy, { name: "Hannah", role: "host" }, { name: "Bob", role: "participant" });
    const carol = await PartyClient.connect(roomId, { name: "Carol", role: "participant", policy });
    expect(await carol.next("error")).toMatchObject({ code: "room_full", message: "The meeting is full (2 people)." });
    expect((await carol.closed).code).toBe(CLOSE_CODES.roomFull);
    const { welcome } = clients.track(await PartyClient.join(roomId, { name: "Henry", role: "host", policy }));
    expect(welcome.participants).toHaveLength(3);
  });
});
