import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { serverEnv } from "@/lib/config/server-env";
import { prisma } from "@/lib/db/prisma";
import { AppError } from "@/lib/server/http/app-error";
import { RATE_LIMITS, type RateLimitName, retryAfterSeconds, scaledLimit } from "./limits";

/**
 * Counters live in the database (model RateLimiterFlexible), so every app instance behind the load balancer shares
 * them. One limiter per name, made on first use.
 */
const limiters = new Map<RateLimitName, RateLimiterPrisma>();

function limiter(name: RateLimitName): RateLimiterPrisma {
  let existing = limiters.get(name);
  if (!existing) {
    const { points, durationSeconds } = scaledLimit(RATE_LIMITS[name], serverEnv().RATE_LIMIT_MULTIPLIER);
    // The model's client property: RateLimiterPrisma reads `storeClient[tableName]`.
    existing = new RateLimiterPrisma({ storeClient: prisma, tableName: "rateLimiterFlexible", keyPrefix: name, points, duration: durationSeconds });
    limiters.set(name, existing);
  }
  return existing;
}

/** Counts one request against `name` for `key`; over the limit it throws a 429 AppError with the wait. */
export async function consumeOrRefuse(name: RateLimitName, key: string): Promise<void> {
  try {
    await limiter(name).consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error;
    const seconds = retryAfterSeconds(error.msBeforeNext);
    throw new AppError("rate_limited", `Too many ${RATE_LIMITS[name].what}. Try again in ${seconds} s.`, undefined, { retryAfterSeconds: seconds });
  }
}

/** Whether `key` has used up `name` (without counting this look). */
export async function isExhausted(name: RateLimitName, key: string): Promise<boolean> {
  const state = await limiter(name).get(key);
  return state !== null && state.consumedPoints >= limiter(name).points;
}

/** Counts a failure (a wrong password) against `name` for `key`, never refusing by itself. */
export async function recordFailure(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).penalty(key, 1);
}

/** Forgets the failures of `key` (after a successful sign-in). */
export async function forgive(name: RateLimitName, key: string): Promise<void> {
  await limiter(name).delete(key);
}
