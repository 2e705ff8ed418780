import { SignJWT, decodeJwt, decodeProtectedHeader } from "jose";
import { describe, expect, it } from "vitest";
import { signJoinToken, verifyJoinToken, type JoinIdentityInput } from "@/lib/join-token";

const secret = "s".repeat(32);
const otherSecret = "o".repeat(32);
const alice: JoinIdentityInput = { userId: "user-alice", name: "Alice Admin", roomId: "room-1", role: "host" };
const secondsAgo = (seconds: number) => new Date(Date.now() - seconds * 1000);

/** Signs arbitrary claims with the real key, to reach checks a well-behaved signer never trips. */
function handMade(claims: Record<string, unknown>, options: { iat?: number; exp?: number; iss?: string; aud?: string } = {}) {
  const iat = options.iat ?? Math.floor(Date.now() / 1000);
  return new SignJWT({ name: "Alice", room: "room-1", role: "host", ...claims })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject("user-alice")
    .setIssuer(options.iss ?? "confer-app")
    .setAudience(options.aud ?? "confer-party")
    .setIssuedAt(iat)
    .setExpirationTime(options.exp ?? iat + 30)
    .setJti("jti-1")
    .sign(new TextEncoder().encode(secret));
}

describe("signJoinToken + verifyJoinToken", () => {
  it("round-trips the identity with a unique jti and the expiry", async () => {
    const token = await signJoinToken(alice, secret, { ttlSeconds: 60 });
    const again = await signJoinToken(alice, secret, { ttlSeconds: 60 });
    const result = await verifyJoinToken(token, secret, "room-1");
    const other = await verifyJoinToken(again, secret, "room-1");

    expect(result).toMatchObject({ ok: true, claims: alice });
    if (!result.ok || !other.ok) throw new Error("expected valid tokens");
    expect(result.claims.jti).not.toBe(other.claims.jti);
    expect(result.claims.expiresAt - Math.floor(Date.now() / 1000)).toBeGreaterThan(55);
  });

  it("signs a compact HS256 JWS for the party audience", async () => {
    const token = await signJoinToken(alice, secret, { ttlSeconds: 10 });
    const payload = decodeJwt(token);
    expect(token.split(".")).toHaveLength(3);
    expect(decodeProtectedHeader(token)).toMatchObject({ alg: "HS256" });
    expect(payload).toMatchObject({ iss: "confer-app", aud: "confer-party", sub: "user-alice", room: "room-1", role: "host" });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(10);
  });

  it.each([61, 3_600, 0, -1, 1.5, Number.NaN])("refuses a ttl of %s seconds", async (ttlSeconds) => {
    await expect(signJoinToken(alice, secret, { ttlSeconds })).rejects.toThrow(RangeError);
  });

  it("refuses a short secret on both sides", async () => {
    await expect(signJoinToken(alice, "short", { ttlSeconds: 30 })).rejects.toThrow(/at least 32/);
    await expect(verifyJoinToken("x.y.z", "short", "room-1")).rejects.toThrow(/at least 32/);
  });

  it("refuses identities PartyKit could not match, and shortens overlong display names", async () => {
    await expect(signJoinToken({ ...alice, roomId: "a/b" }, secret, { ttlSeconds: 30 })).rejects.toThrow();
    await expect(signJoinToken({ ...alice, roomId: "" }, secret, { ttlSeconds: 30 })).rejects.toThrow();
    const token = await signJoinToken({ ...alice, name: "n".repeat(500) }, secret, { ttlSeconds: 30 });
    const result = await verifyJoinToken(token, secret, "room-1");
    expect(result.ok && result.claims.name).toBe("n".repeat(200));
  });

  it("reports expiry beyond the clock tolerance, and tolerates a few seconds of skew", async () => {
    const expired = await signJoinToken(alice, secret, { ttlSeconds: 60, now: secondsAgo(120) });
    const justExpired = await signJoinToken(alice, secret, { ttlSeconds: 60, now: secondsAgo(63) });

    expect(await verifyJoinToken(expired, secret, "room-1")).toEqual({ ok: false, reason: "expired" });
    expect((await verifyJoinToken(justExpired, secret, "room-1")).ok).toBe(true);
    expect(await verifyJoinToken(justExpired, secret, "room-1", { now: secondsAgo(-10) })).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("reports a valid token for another room as wrong-room", async () => {
    const token = await signJoinToken(alice, secret, { ttlSeconds: 30 });
    expect(await verifyJoinToken(token, secret, "room-2")).toEqual({ ok: false, reason: "wrong-room" });
  });

  it("reports anything not signed by us as invalid, before looking at the room", async () => {
    const foreign = await signJoinToken({ ...alice, roomId: "room-2" }, otherSecret, { ttlSeconds: 30 });
    const genuine = await signJoinToken(alice, secret, { ttlSeconds: 30 });
    const [header, payload, signature] = genuine.split(".");
    const tampered = [header, Buffer.from(JSON.stringify({ sub: "mallory", room: "room-1" })).toString("base64url"), signature].join(".");
    const unsigned = [Buffer.from('{"alg":"none"}').toString("base64url"), payload, ""].join(".");

    for (const token of [foreign, tampered, unsigned, "garbage", "", "a.b.c", "x".repeat(10_000)]) {
      expect(await verifyJoinToken(token, secret, "room-1")).toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("rejects correctly signed tokens that break the rules", async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      handMade({}, { exp: now + 7_200 }), // lifetime over the 60 s cap
      handMade({}, { iat: now + 60, exp: now + 90 }), // issued in the future
      handMade({}, { iss: "someone-else" }),
      handMade({}, { aud: "confer-app" }),
      handMade({ role: "admin" }),
      handMade({ room: "../room-1" }),
    ];
    for (const token of await Promise.all(cases)) {
      expect(await verifyJoinToken(token, secret, "room-1")).toEqual({ ok: false, reason: "invalid" });
    }
    expect((await verifyJoinToken(await handMade({}), secret, "room-1")).ok).toBe(true);
  });
});
