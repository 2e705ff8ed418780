import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mintJanusToken, verifyJanusToken, VIDEOROOM_PLUGIN } from "@/lib/sfu/janus-token";

const secret = "token-secret";
const now = new Date("2026-12-02T10:00:00Z");

describe("Janus signed tokens", () => {
  it("are `<expiry>,janus,<plugins>:base64(HMAC-SHA1)`, the format Janus verifies", () => {
    const { token, expiresAt } = mintJanusToken({ secret, ttlSeconds: 120, now });
    const expiry = now.getTime() / 1000 + 120;
    const data = `${expiry},janus,${VIDEOROOM_PLUGIN}`;
    expect(token).toBe(`${data}:${createHmac("sha1", secret).update(data).digest("base64")}`);
    expect(expiresAt).toEqual(new Date(expiry * 1000));
  });

  it("verify with the right secret until they expire", () => {
    const { token } = mintJanusToken({ secret, ttlSeconds: 60, now });
    expect(verifyJanusToken(token, secret, now)?.plugins).toEqual([VIDEOROOM_PLUGIN]);
    expect(verifyJanusToken(token, "other", now)).toBeNull();
    expect(verifyJanusToken(token, secret, new Date(now.getTime() + 61_000))).toBeNull();
  });

  it("refuse a token whose plugin list or expiry was edited", () => {
    const { token } = mintJanusToken({ secret, ttlSeconds: 60, now });
    expect(verifyJanusToken(token.replace(VIDEOROOM_PLUGIN, "janus.plugin.streaming"), secret, now)).toBeNull();
    const [expiry] = token.split(",");
    expect(verifyJanusToken(token.replace(expiry!, String(Number(expiry) + 3600)), secret, now)).toBeNull();
    expect(verifyJanusToken("garbage", secret, now)).toBeNull();
  });
});
