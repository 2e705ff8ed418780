import { randomInt, randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { RATE_LIMITS, SIGN_IN_LOCKED_MESSAGE } from "@/lib/server/rate-limit/limits";
import { loadDemoDirectory } from "@/scripts/dev-idp/directory";
import { requireStackEnv } from "../../support/stack-env";

const appUrl = requireStackEnv("CONFER_APP_URL");
const ldapUrl = process.env.CONFER_LDAP_URL ?? "";
const { password } = loadDemoDirectory();
/** Every limiter row this file made, deleted at the end so no other test meets a locked account or address. */
const usedKeys = new Set<string>();

/** An address of this test's own (the app counts the last X-Forwarded-For entry), so parallel tests never share one. */
const freshAddress = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

/** Posts the LDAP form to Auth.js's callback as a browser would; returns the `code` of where it sends the browser. */
async function signIn(username: string, secret: string, address: string): Promise<string> {
  usedKeys.add(`signInAccount:${username.toLowerCase()}`);
  usedKeys.add(`signInAddress:${address}`);
  const csrf = await fetch(`${appUrl}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const cookie = csrf.headers.getSetCookie().map((value) => value.split(";")[0]).join("; ");
  const response = await fetch(`${appUrl}/api/auth/callback/ldap`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, "x-forwarded-for": address },
    body: new URLSearchParams({ username, password: secret, csrfToken, callbackUrl: `${appUrl}/` }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  const location = new URL(response.headers.get("location")!, appUrl);
  if (location.searchParams.get("error") === null) return "signed-in";
  expect(location.searchParams.get("error")).toBe("CredentialsSignin");
  return location.searchParams.get("code") ?? "";
}

afterAll(async () => {
  await prisma.rateLimiterFlexible.deleteMany({ where: { key: { in: [...usedKeys] } } });
});

describe.skipIf(!ldapUrl)("LDAP sign-in under brute force", () => {
  const perAccount = RATE_LIMITS.signInAccount.points;

  it.each([
    ["an existing account", "dan"],
    ["an unknown account", `nobody-${randomUUID()}`],
  ])("locks %s after its failures, the same way, even for the right password", async (_, username) => {
    const address = freshAddress();
    for (let attempt = 0; attempt < perAccount; attempt++) expect(await signIn(username, "wrong-password", address)).toBe("credentials");
    // From another address too: the account itself is locked.
    expect(await signIn(username, password, freshAddress())).toBe("rate_limited");
    expect(await signIn(username, "wrong-password", address)).toBe("rate_limited");
  });

  it("locks an address that guesses across accounts, while successes from an address are never counted", async () => {
    const address = freshAddress();
    for (let attempt = 0; attempt < 3; attempt++) expect(await signIn("bob", password, address)).toBe("signed-in");
    const guesses = Array.from({ length: RATE_LIMITS.signInAddress.points }, () => `guess-${randomUUID()}`);
    for (const username of guesses) expect(await signIn(username, "wrong-password", address)).toBe("credentials");
    expect(await signIn("bob", password, address)).toBe("rate_limited");
    expect(await signIn("bob", password, freshAddress())).toBe("signed-in");
  }, 120_000);

  it("tells the person to wait, in words that name no account", async () => {
    const page = await (await fetch(`${appUrl}/signin?error=CredentialsSignin&code=rate_limited`)).text();
    expect(page).toContain(SIGN_IN_LOCKED_MESSAGE);
  });
});
