import { afterEach, describe, expect, it } from "vitest";
import { defaultRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { CLOSE_CODES, type ServerMessage } from "@/lib/signaling";
import { clientRegistry, freshRoomId, PartyClient } from "./party-client";

const clients = clientRegistry();
afterEach(() => clients.leaveAll());

const policy: RoomPolicy = { ...defaultRoomPolicy, waitingRoom: true };

async function hostedRoom() {
  const roomId = freshRoomId();
  const host = clients.track(await PartyClient.join(roomId, { name: "Hannah", role: "host", policy }));
  return { roomId, host };
}

/** Connects into the waiting room; resolves with the client and its `waiting` message. */
async function knock(roomId: string, name: string, options: { userId?: string; resume?: string } = {}) {
  const client = clients.track(
    await PartyClient.connect(roomId, { name, role: "participant", policy, ...(options.userId ? { userId: options.userId } : {}) }, { resume: options.resume }),
  );
  const waiting = await client.next("waiting");
  return { client, waiting };
}

/** Every type a socket received so far (and drained). */
async function receivedTypes(client: PartyClient, waitMs = 300): Promise<ServerMessage["type"][]> {
  await new Promise((resolve) => setTimeout(resolve, waitMs));
  const types: ServerMessage["type"][] = [];
  for (const type of ["welcome", "participant-joined", "participant-updated", "participant-left", "signal", "chat", "reaction", "room-updated", "error"] as const) {
    types.push(...client.drain(type).map((message) => message.type));
  }
  return types;
}

describe("PartyKit meeting: waiting room", () => {
  it("holds a joiner, who hears nothing of the meeting; the host hears the knock and admits them", { timeout: 30_000 }, async () => {
    const { roomId, host } = await hostedRoom();
    host.client.send({ type: "chat", text: "before bob" });
    await host.client.next("chat");

    const bob = await knock(roomId, "Bob");
    const entry = { id: bob.waiting.self.id, name: "Bob", role: "participant" };
    expect(await host.client.next("knock")).toMatchObject({ participant: entry });
    expect((await host.client.next("waiting-updated")).waiting).toMatchObject([entry]);

    // While waiting: no roster, media, chat or reactions reach Bob, and he can do nothing in the meeting.
    host.client.send({ type: "media", audio: true, video: true, screen: false });
    host.client.send({ type: "chat", text: "still private" });
    host.client.send({ type: "reaction", emoji: "👍" });
    host.client.send({ type: "signal", to: bob.waiting.self.id, payload: { kind: "end-of-candidates" } });
    expect(await host.client.next("error")).toMatchObject({ code: "unknown_participant" });
    bob.client.send({ type: "chat", text: "let me in" });
    bob.client.send({ type: "signal", to: host.welcome.self.id, payload: { kind: "end-of-candidates" } });
    expect(await receivedTypes(bob.client)).toEqual(["error", "error"]);
    expect(await host.client.settled("signal")).toEqual([]);

    // Hosts joining later see the list in their welcome.
    const cohost = clients.track(await PartyClient.join(roomId, { name: "Henry", role: "host", policy }));
    expect(cohost.welcome.waiting).toMatchObject([entry]);

    host.client.send({ type: "admit", participantId: bob.waiting.self.id });
    const welcome = await bob.client.next("welcome");
    expect(welcome).toMatchObject({ resumed: false, self: { id: bob.waiting.self.id, name: "Bob" }, waiting: [] });
    expect(welcome.chat.map((message) => message.text)).toEqual(["before bob", "still private"]);
    expect(welcome.participants.map((person) => person.name)).toEqual(["Hannah", "Henry", "Bob"]);
    expect((await cohost.client.next("participant-joined")).participant.id).toBe(bob.waiting.self.id);
    expect((await cohost.client.next("waiting-updated", (update) => update.waiting.length === 0)).waiting).toEqual([]);
  });

  it("denies: the person is told and closed with its own code; hosts see the list empty", async () => {
    const { roomId, host } = await hostedRoom();
    const bob = await knock(roomId, "Bob");
    await host.client.next("knock");
    host.client.send({ type: "deny", participantId: bob.waiting.self.id });
    expect(await bob.client.next("denied")).toEqual({ type: "denied", by: host.welcome.self.id });
    expect((await bob.client.closed).code).toBe(CLOSE_CODES.denied);
    expect((await host.client.next("waiting-updated", (update) => update.waiting.length === 0)).waiting).toEqual([]);
    expect(await host.client.settled("participant-joined")).toEqual([]);
  });

  it("admits everyone at once", async () => {
    const { roomId, host } = await hostedRoom();
    const bob = await knock(roomId, "Bob");
    const carol = await knock(roomId, "Carol");
    await host.client.next("waiting-updated", (update) => update.waiting.length === 2);
    host.client.send({ type: "admit", all: true });
    expect((await bob.client.next("welcome")).participants.map((person) => person.name)).toEqual(["Hannah", "Bob"]);
    expect((await carol.client.next("welcome")).self.name).toBe("Carol");
    expect((await bob.client.next("participant-joined")).participant.name).toBe("Carol");
  });

  it("takes someone whose socket drops off the list", async () => {
    const { roomId, host } = await hostedRoom();
    const bob = await knock(roomId, "Bob");
    await host.client.next("waiting-updated", (update) => update.waiting.length === 1);
    await bob.client.drop();
    expect((await host.client.next("waiting-updated", (update) => update.waiting.length === 0)).waiting).toEqual([]);
  });

  it("keeps the list while the host reconnects; the host admits after coming back", async () => {
    const { roomId, host } = await hostedRoom();
    await host.client.drop();
    // Bob knocks while no host is connected.
    const bob = await knock(roomId, "Bob");
    const back = clients.track(
      await PartyClient.join(roomId, { name: "Hannah", role: "host", policy, userId: host.welcome.self.userId }, { resume: host.welcome.resume }),
    );
    expect(back.welcome).toMatchObject({ resumed: true, waiting: [{ id: bob.waiting.self.id, name: "Bob" }] });
    back.client.send({ type: "admit", participantId: bob.waiting.self.id });
    expect((await bob.client.next("welcome")).self.id).toBe(bob.waiting.self.id);
  });

  it("refuses new waiting joiners while the meeting is locked", async () => {
    const { roomId, host } = await hostedRoom();
    host.client.send({ type: "lock", locked: true });
    await host.client.next("room-updated");
    const bob = await PartyClient.connect(roomId, { name: "Bob", role: "participant", policy });
    expect(await bob.next("error")).toMatchObject({ code: "room_locked" });
    expect((await bob.closed).code).toBe(CLOSE_CODES.roomLocked);
    expect(await host.client.settled("knock")).toEqual([]);
  });
});
