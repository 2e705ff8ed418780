import { afterEach, describe, expect, it } from "vitest";
import { INTERNAL_AUDIENCES, signInternalRequest } from "@/lib/internal-api/internal-signature";
import { PARTY_CONTROL_SUFFIX } from "@/lib/internal-api/party-control";
import { clientRegistry, freshRoomId, PartyClient, partykitUrl, partySecret } from "./party-client";

const clients = clientRegistry();
afterEach(() => clients.leaveAll());

async function control(roomId: string, body: string, authorization?: string) {
  const response = await fetch(new URL(`/parties/main/${roomId}${PARTY_CONTROL_SUFFIX}`, partykitUrl), {
    method: "POST",
    headers: { "content-type": "application/json", ...(authorization ? { authorization } : {}) },
    body,
  });
  return response.status;
}

describe("PartyKit meeting: signed control endpoint", () => {
  it("refuses unsigned, forged, wrongly addressed and malformed requests, and the meeting goes on", async () => {
    const roomId = freshRoomId();
    const member = clients.track(await PartyClient.join(roomId, { name: "Member" }));
    const body = JSON.stringify({ action: "close", reason: "expired" });

    expect(await control(roomId, body)).toBe(401);
    expect(await control(roomId, body, await signInternalRequest(body, "z".repeat(48), INTERNAL_AUDIENCES.party))).toBe(401);
    expect(await control(roomId, body, await signInternalRequest(body, partySecret, INTERNAL_AUDIENCES.app))).toBe(401);
    expect(await control(roomId, body, await signInternalRequest(JSON.stringify({ action: "close", reason: "deleted" }), partySecret, INTERNAL_AUDIENCES.party))).toBe(401);
    const invalid = JSON.stringify({ action: "explode", reason: "expired" });
    expect(await control(roomId, invalid, await signInternalRequest(invalid, partySecret, INTERNAL_AUDIENCES.party))).toBe(400);

    member.client.send({ type: "ping" });
    await member.client.next("pong");
  });

  it("closes everyone's socket with 4007 and starts the room afresh", async () => {
    const roomId = freshRoomId();
    const alice = await PartyClient.join(roomId, { name: "Alice" });
    const bob = await PartyClient.join(roomId, { name: "Bob" });
    const body = JSON.stringify({ action: "close", reason: "archived" });

    expect(await control(roomId, body, await signInternalRequest(body, partySecret, INTERNAL_AUDIENCES.party))).toBe(200);
    expect(await alice.client.closed).toEqual({ code: 4007, reason: "archived" });
    expect((await bob.client.closed).code).toBe(4007);

    // The live state was cleared: a newcomer finds an empty meeting, and an old resume token no longer resumes.
    const fresh = clients.track(await PartyClient.join(roomId, { name: "Alice", userId: alice.welcome.self.userId }, { resume: alice.welcome.resume }));
    expect(fresh.welcome.resumed).toBe(false);
    expect(fresh.welcome.participants.map((participant) => participant.id)).toEqual([fresh.welcome.self.id]);
  });
});
