import { describe, expect, it } from "vitest";
import { HELLO_TIMEOUT_MS, RECONNECT_GRACE_MS } from "@/lib/meeting";
import { clientRegistry, freshRoomId, PartyClient, roomSocketUrl, tokenFor } from "./party-client";

/** These wait for the real deadlines (storage alarms in workerd), so they run side by side, each cleaning up its own. */
describe.concurrent("PartyKit meeting: deadlines", () => {
  it("closes a socket that never says hello", { timeout: HELLO_TIMEOUT_MS + 15_000 }, async () => {
    const roomId = freshRoomId();
    const started = Date.now();
    const silent = await PartyClient.open(roomSocketUrl(roomId, { token: await tokenFor(roomId) }));
    expect(await silent.next("error", () => true, HELLO_TIMEOUT_MS + 10_000)).toMatchObject({ code: "hello_timeout" });
    expect(await silent.closed).toMatchObject({ code: 4004 });
    expect(Date.now() - started).toBeGreaterThanOrEqual(HELLO_TIMEOUT_MS - 1_000);
  });

  it("announces a participant whose socket dropped as gone once the grace runs out", { timeout: RECONNECT_GRACE_MS + 20_000 }, async () => {
    const clients = clientRegistry();
    try {
      const roomId = freshRoomId();
      const alice = clients.track(await PartyClient.join(roomId, { name: "Alice" }));
      const bob = await PartyClient.join(roomId, { name: "Bob" });
      await alice.client.next("participant-joined");
      await bob.client.drop();
      const dropped = Date.now();
      await alice.client.next("participant-updated");

      const left = await alice.client.next("participant-left", () => true, RECONNECT_GRACE_MS + 10_000);
      expect(left).toEqual({ type: "participant-left", participantId: bob.welcome.self.id, reason: "timeout" });
      expect(Date.now() - dropped).toBeGreaterThanOrEqual(RECONNECT_GRACE_MS - 1_000);

      const late = clients.track(await PartyClient.join(roomId, { name: "Bob", userId: bob.welcome.self.userId }, { resume: bob.welcome.resume }));
      expect(late.welcome.resumed).toBe(false);
    } finally {
      await clients.leaveAll();
    }
  });
});
