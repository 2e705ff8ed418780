import { afterEach, describe, expect, it, vi } from "vitest";
import { GRANT_REUSE_MS, isGrantFresh, JoinRefusedError, requestJoinGrant } from "@/lib/meeting-client/state/join-grant";

const grant = {
  roomId: "room-1",
  role: "host",
  token: "jws",
  expiresAt: "2026-11-24T12:00:00.000Z",
  partyHost: "127.0.0.1:1999",
  iceServers: [{ urls: ["stun:stun.example:3478"] }, { urls: "turn:turn.example", username: "1:u", credential: "c" }],
};

function answer(status: number, body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } })));
}

afterEach(() => vi.unstubAllGlobals());

describe("requestJoinGrant", () => {
  it("posts to the room's join route and stamps the grant with the local time", async () => {
    answer(200, grant);
    await expect(requestJoinGrant("room-1", () => 42)).resolves.toEqual({ grant, receivedAt: 42 });
    expect(fetch).toHaveBeenCalledWith("/api/rooms/room-1/join", expect.objectContaining({ method: "POST" }));
  });

  it("passes the server's message on, and tells refusals that retrying cannot fix", async () => {
    answer(410, { error: { code: "gone", message: "This room has expired." } });
    await expect(requestJoinGrant("room-1")).rejects.toEqual(new JoinRefusedError("This room has expired.", true));
    answer(503, { error: { code: "internal", message: "Busy" } });
    await expect(requestJoinGrant("room-1")).rejects.toMatchObject({ message: "Busy", permanent: false });
  });

  it("keeps the server's ICE transport policy, and refuses one it does not know", async () => {
    answer(200, { ...grant, iceTransportPolicy: "relay" });
    await expect(requestJoinGrant("room-1")).resolves.toMatchObject({ grant: { iceTransportPolicy: "relay" } });
    answer(200, { ...grant, iceTransportPolicy: "direct" });
    await expect(requestJoinGrant("room-1")).rejects.toMatchObject({ permanent: false });
  });

  it("refuses an answer that is not a grant", async () => {
    answer(200, { ...grant, token: 5 });
    await expect(requestJoinGrant("room-1")).rejects.toMatchObject({ permanent: false });
  });

  it("reports an unreachable server as temporary", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("offline"))));
    await expect(requestJoinGrant("room-1")).rejects.toMatchObject({ permanent: false });
  });
});

describe("isGrantFresh", () => {
  it("reuses a grant well inside its 60 s token lifetime only", () => {
    const received = { grant: grant as never, receivedAt: 1000 };
    expect(isGrantFresh(received, 1000 + GRANT_REUSE_MS - 1)).toBe(true);
    expect(isGrantFresh(received, 1000 + GRANT_REUSE_MS)).toBe(false);
    expect(isGrantFresh(null, 0)).toBe(false);
  });
});
