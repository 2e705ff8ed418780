import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { RATE_LIMITS, type RateLimitName } from "@/lib/server/rate-limit/limits";
import { callApi, createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";
import { requireStackEnv } from "../../support/stack-env";

const appUrl = requireStackEnv("CONFER_APP_URL");
let users: TestUser[] = [];

beforeAll(async () => {
  users = await Promise.all([createTestUser("employee", "rl-search"), createTestUser("employee", "rl-join"), createTestUser("employee", "rl-upload"), createTestUser("employee", "rl-bystander")]);
});

afterAll(async () => {
  await prisma.rateLimiterFlexible.deleteMany({ where: { OR: users.map((user) => ({ key: { endsWith: `:${user.id}` } })) } });
  await deleteTestUsers(users);
});

/** `count` requests, a few at a time (the embedded database is one session); their statuses in order of sending. */
async function burst(count: number, send: () => Promise<number>): Promise<number[]> {
  const statuses: number[] = [];
  for (let start = 0; start < count; start += 10) {
    statuses.push(...(await Promise.all(Array.from({ length: Math.min(10, count - start) }, send))));
  }
  return statuses;
}

async function refusal(path: string, as: TestUser, method: string) {
  const response = await fetch(`${appUrl}${path}`, { method, headers: { cookie: as.cookie }, redirect: "manual" });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: (await response.json()) as { error: { code: string; message: string } } };
}

describe.each<[string, RateLimitName, number, string, string]>([
  ["directory search", "directorySearch", 0, "GET", "/api/users?query=a"],
  // Refused requests count too (an unknown room, an upload without its file): the limit comes before anything else.
  ["join grants", "joinGrant", 1, "POST", "/api/rooms/no-such-room/join"],
  ["uploads", "upload", 2, "POST", "/api/uploads/chat"],
])("%s", (_, name, userIndex, method, path) => {
  it("answers 429 with Retry-After once a user's burst passes the limit, and only for that user", async () => {
    const user = users[userIndex]!;
    const { points } = RATE_LIMITS[name];
    const statuses = await burst(points, async () => (await callApi(path, { as: user, method })).status);
    expect(statuses).not.toContain(429);

    const refused = await refusal(path, user, method);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("rate_limited");
    expect(refused.body.error.message).toContain(`Too many ${RATE_LIMITS[name].what}`);
    const retryAfter = Number(refused.retryAfter);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMITS[name].durationSeconds);

    expect((await refusal(path, users[3]!, method)).status).not.toBe(429);
  }, 60_000);
});
