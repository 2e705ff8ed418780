import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "@/lib/auth/sign-in-errors";
import { RATE_LIMITS, SIGN_IN_LOCKED_MESSAGE, retryAfterSeconds, scaledLimit } from "@/lib/server/rate-limit/limits";
import { signInAttemptKeys } from "@/lib/server/rate-limit/attempt-keys";

describe("rate limits", () => {
  it("scales every bound by the multiplier, keeping the window", () => {
    expect(scaledLimit(RATE_LIMITS.signInAccount, 1)).toEqual(RATE_LIMITS.signInAccount);
    expect(scaledLimit(RATE_LIMITS.joinGrant, 10)).toMatchObject({ points: 1_200, durationSeconds: 60 });
  });

  it("asks to wait at least a second, rounded up", () => {
    expect(retryAfterSeconds(0)).toBe(1);
    expect(retryAfterSeconds(1_001)).toBe(2);
    expect(retryAfterSeconds(900_000)).toBe(900);
  });

  it("leaves room for a meeting lobby's grants and a flaky network's retries", () => {
    // A lobby fetches every 20 s; partysocket retries at most every 0.5 s while an outage lasts.
    expect(RATE_LIMITS.joinGrant.points / RATE_LIMITS.joinGrant.durationSeconds).toBeGreaterThanOrEqual(2);
  });
});

describe("sign-in attempt keys", () => {
  const headers = (forwarded?: string) => new Headers(forwarded === undefined ? {} : { "x-forwarded-for": forwarded });

  it("counts an account as the directory compares it", () => {
    expect(signInAttemptKeys("  Bob ", headers("10.0.0.1")).account).toBe("bob");
  });

  it("takes the address the nearest proxy vouches for, not what the client prepended", () => {
    expect(signInAttemptKeys("bob", headers("6.6.6.6, 10.0.0.7")).address).toBe("10.0.0.7");
    expect(signInAttemptKeys("bob", headers("10.0.0.7")).address).toBe("10.0.0.7");
    expect(signInAttemptKeys("bob", headers()).address).toBe("unknown");
  });
});

describe("the lockout message", () => {
  it("is shown for the credentials provider's rate_limited code and names nobody", () => {
    expect(signInErrorMessage("CredentialsSignin", "SSO", "rate_limited")).toBe(SIGN_IN_LOCKED_MESSAGE);
    expect(signInErrorMessage("CredentialsSignin", "SSO", "credentials")).toBe("Wrong username or password.");
    expect(SIGN_IN_LOCKED_MESSAGE).toMatch(/try again/i);
  });
});
