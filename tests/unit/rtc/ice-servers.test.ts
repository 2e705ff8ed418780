import { describe, expect, it } from "vitest";
import { iceServersFor, turnRestCredentials, type IceServerEnv } from "@/lib/server/rtc/ice-servers";

const env: IceServerEnv = {
  STUN_URLS: ["stun:stun.confer.test:3478"],
  TURN_URLS: ["turn:turn.confer.test:3478?transport=udp", "turn:turn.confer.test:3478?transport=tcp"],
  TURN_SECRET: "coturn-shared-secret",
  TURN_CREDENTIAL_TTL_SECONDS: 3_600,
};
// 1_700_000_000 s + 3_600 s TTL.
const now = new Date(1_700_000_000_000);

describe("turnRestCredentials", () => {
  it("matches an independently computed vector", () => {
    // printf '1700003600:user-42' | openssl dgst -sha1 -hmac coturn-shared-secret -binary | base64
    expect(turnRestCredentials("user-42", "coturn-shared-secret", 1_700_003_600)).toEqual({
      username: "1700003600:user-42",
      credential: "RJ/Mwgtz58+IGLxp5oVuXurxWZU=",
    });
  });
});

describe("iceServersFor", () => {
  it("lists STUN, then TURN with credentials that expire after the configured TTL", () => {
    expect(iceServersFor("user-42", env, now)).toEqual([
      { urls: env.STUN_URLS },
      { urls: env.TURN_URLS, username: "1700003600:user-42", credential: "RJ/Mwgtz58+IGLxp5oVuXurxWZU=" },
    ]);
  });

  it("truncates sub-second time so the expiry is a whole unix second", () => {
    const [, turn] = iceServersFor("user-42", env, new Date(1_700_000_000_999));
    expect(turn?.username).toBe("1700003600:user-42");
  });

  it("omits whatever is not configured", () => {
    expect(iceServersFor("u", { ...env, TURN_URLS: [] }, now)).toEqual([{ urls: env.STUN_URLS }]);
    expect(iceServersFor("u", { ...env, STUN_URLS: [], TURN_URLS: [] }, now)).toEqual([]);
  });

  it("refuses TURN urls without a secret rather than handing out useless credentials", () => {
    expect(() => iceServersFor("u", { ...env, TURN_SECRET: undefined }, now)).toThrow(/TURN_SECRET/);
  });
});
