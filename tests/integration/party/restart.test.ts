import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { clientRegistry, freshRoomId, PartyClient, type Server } from "./party-client";
import { freePort, randomSecret, startPartykitDev, type PartykitDev } from "./partykit-dev";

/**
 * Runs its own `partykit dev` (own port, secret and storage folder) so it can kill and restart it without
 * disturbing the shared server the other tests use.
 */
describe("PartyKit meeting: restart", () => {
  const storage = mkdtempSync(join(tmpdir(), "confer-party-restart-"));
  let port: number;
  let server: Server;
  let dev: PartykitDev | undefined;
  const clients = clientRegistry();

  beforeAll(async () => {
    port = await freePort();
    const secret = randomSecret();
    dev = await startPartykitDev({ port, secret, persist: storage });
    server = { url: dev.url, secret };
    // 1.3–1.8 s idle or with one core busy; the margin is for a loaded CI worker, and the start's own deadline
    // (45 s) fires first so its output explains a failure.
  }, 90_000);

  afterAll(async () => {
    await clients.leaveAll().catch(() => {});
    await dev?.stop();
    rmSync(storage, { recursive: true, force: true });
  });

  it("recovers roster, chat and settings; everyone resumes their own seat", { timeout: 120_000 }, async () => {
    const roomId = freshRoomId();
    const host = await PartyClient.join(roomId, { name: "Hannah", role: "host" }, { server });
    const bob = await PartyClient.join(roomId, { name: "Bob" }, { server });
    await host.client.next("participant-joined");
    bob.client.send({ type: "hand", raised: true });
    bob.client.send({ type: "chat", text: "before the restart" });
    host.client.send({ type: "lock", locked: true });
    await bob.client.next("room-updated");
    await host.client.next("chat");

    // A crash, not a shutdown: whatever the room acknowledged must already be on disk.
    await dev!.stop("SIGKILL");
    await Promise.all([host.client.closed, bob.client.closed]);
    dev = await startPartykitDev({ port, secret: server.secret, persist: storage });

    const hostBack = clients.track(
      await PartyClient.join(roomId, { name: "Hannah", role: "host", userId: host.welcome.self.userId }, { resume: host.welcome.resume, server }),
    );
    expect(hostBack.welcome).toMatchObject({ resumed: true, self: { id: host.welcome.self.id, connection: "connected" }, room: { locked: true } });
    expect(hostBack.welcome.chat.map((message) => message.text)).toEqual(["before the restart"]);
    expect(hostBack.welcome.participants.find((participant) => participant.id === bob.welcome.self.id)).toMatchObject({
      connection: "reconnecting",
      hand: { raised: true },
    });

    // The lock survived: a newcomer is refused.
    const stranger = await PartyClient.connect(roomId, { name: "Stranger" }, { server });
    expect(await stranger.next("error")).toMatchObject({ code: "room_locked" });

    const bobBack = clients.track(await PartyClient.join(roomId, { name: "Bob", userId: bob.welcome.self.userId }, { resume: bob.welcome.resume, server }));
    expect(bobBack.welcome).toMatchObject({ resumed: true, self: { id: bob.welcome.self.id, hand: { raised: true } } });
    expect((await hostBack.client.next("participant-updated")).participant).toMatchObject({ id: bob.welcome.self.id, connection: "connected" });
    expect(await hostBack.client.settled("participant-left")).toEqual([]);
  });

  it("keeps the waiting room: the waiting person comes back to their place and the host admits them", { timeout: 120_000 }, async () => {
    const roomId = freshRoomId();
    const policy = { ...defaultRoomPolicy, waitingRoom: true };
    const host = await PartyClient.join(roomId, { name: "Hannah", role: "host", policy }, { server });
    const bob = await PartyClient.connect(roomId, { name: "Bob", policy }, { server });
    const waiting = await bob.next("waiting");
    await host.client.next("knock");

    await dev!.stop("SIGKILL");
    await Promise.all([host.client.closed, bob.closed]);
    dev = await startPartykitDev({ port, secret: server.secret, persist: storage });

    const hostBack = clients.track(
      await PartyClient.join(roomId, { name: "Hannah", role: "host", policy, userId: host.welcome.self.userId }, { resume: host.welcome.resume, server }),
    );
    expect(hostBack.welcome).toMatchObject({ resumed: true, waiting: [{ id: waiting.self.id, name: "Bob" }] });
    const bobBack = clients.track(await PartyClient.connect(roomId, { name: "Bob", policy, userId: waiting.self.userId }, { resume: waiting.resume, server }));
    expect((await bobBack.next("waiting")).self.id).toBe(waiting.self.id);
    hostBack.client.send({ type: "admit", participantId: waiting.self.id });
    expect(await bobBack.next("welcome")).toMatchObject({ resumed: false, self: { id: waiting.self.id } });
  });
});
