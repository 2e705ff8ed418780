import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_ADMISSION_LIMITS } from "@/lib/meeting/connection-admission";
import { MAX_SEATS_PER_USER } from "@/lib/meeting/handle-hello";
import { STATE_UPDATE_RATE_LIMIT } from "@/lib/meeting/rate-limit";
import { CLOSE_CODES, PROTOCOL_VERSION } from "@/lib/signaling";
import { clientRegistry, freshRoomId, PartyClient, roomSocketUrl, tokenFor } from "./party-client";

const clients = clientRegistry();
afterEach(() => clients.leaveAll());

/** How the room ended a socket, or "open" if it still is after a moment. */
async function fate(client: PartyClient, waitMs = 1_500): Promise<number | "open"> {
  const closed = await Promise.race([client.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), waitMs))]);
  return closed === null ? "open" : closed.code;
}

describe("PartyKit meeting: one join token, one socket", () => {
  it("refuses a token that already opened a socket, while that socket is open and after it closed", async () => {
    const roomId = freshRoomId();
    const token = await tokenFor(roomId, { name: "Ann" });
    const first = clients.track(await PartyClient.open(roomSocketUrl(roomId, { token })));
    first.send({ type: "hello", v: PROTOCOL_VERSION });
    await first.next("welcome");

    const replay = clients.track(await PartyClient.open(roomSocketUrl(roomId, { token })));
    expect(await replay.closed).toEqual({ code: CLOSE_CODES.tokenReused, reason: "token already used" });

    await first.leave();
    const later = clients.track(await PartyClient.open(roomSocketUrl(roomId, { token })));
    expect((await later.closed).code).toBe(CLOSE_CODES.tokenReused);
    // The same person with a fresh token is welcome.
    clients.track(await PartyClient.join(roomId, { name: "Ann" }));
  });

  it("lets one token open exactly one of many sockets opened at once", async () => {
    const roomId = freshRoomId();
    const token = await tokenFor(roomId);
    const sockets = await Promise.all(Array.from({ length: 6 }, async () => clients.track(await PartyClient.open(roomSocketUrl(roomId, { token })))));
    const fates = await Promise.all(sockets.map((socket) => fate(socket)));
    expect(fates.filter((each) => each === "open")).toHaveLength(1);
    expect(fates.filter((each) => each === CLOSE_CODES.tokenReused)).toHaveLength(5);
  });
});

describe("PartyKit meeting: places per person", () => {
  it(`seats one person ${MAX_SEATS_PER_USER} times and turns the next tab away at the door`, async () => {
    const roomId = freshRoomId();
    const userId = `user-${randomUUID()}`;
    for (let tab = 0; tab < MAX_SEATS_PER_USER; tab++) clients.track(await PartyClient.join(roomId, { userId, name: "Ann" }));
    const extra = clients.track(await PartyClient.connect(roomId, { userId, name: "Ann" }));
    expect(await extra.next("error")).toMatchObject({ code: "too_many_seats" });
    expect((await extra.closed).code).toBe(CLOSE_CODES.tooManySeats);
    // Somebody else still gets in.
    clients.track(await PartyClient.join(roomId, { name: "Bob" }));
  });

  it("bounds one person's sockets, said hello or not, each with its own token", async () => {
    const roomId = freshRoomId();
    const userId = `user-${randomUUID()}`;
    const { maxConnectionsPerUser } = DEFAULT_ADMISSION_LIMITS;
    const open = async () => clients.track(await PartyClient.open(roomSocketUrl(roomId, { token: await tokenFor(roomId, { userId }) })));
    const sockets = [];
    for (let n = 0; n < maxConnectionsPerUser; n++) sockets.push(await open());
    const extra = await open();
    expect((await extra.closed).code).toBe(CLOSE_CODES.tooManySeats);
    expect(await fate(sockets[0]!, 200)).toBe("open");
    // A closed socket makes room for another.
    await sockets[0]!.close();
    expect(await fate(await open(), 500)).toBe("open");
  });
});

describe("PartyKit meeting: state updates under their own bucket", () => {
  it("throttles a flood of hand raises without costing the sender its chat or the others anything", async () => {
    const roomId = freshRoomId();
    const flooder = clients.track(await PartyClient.join(roomId, { name: "Flooder" }));
    const other = clients.track(await PartyClient.join(roomId, { name: "Other" }));
    await flooder.client.next("participant-joined");
    for (let n = 0; n < STATE_UPDATE_RATE_LIMIT.burst + 10; n++) flooder.client.send({ type: "hand", raised: n % 2 === 0 });
    expect(await flooder.client.next("error")).toMatchObject({ code: "rate_limited" });
    const updates = await other.client.settled("participant-updated", 500);
    expect(updates.length).toBeLessThanOrEqual(STATE_UPDATE_RATE_LIMIT.burst + 2);
    flooder.client.send({ type: "chat", text: "still here" });
    expect((await other.client.next("chat")).message).toMatchObject({ text: "still here" });
  });
});
