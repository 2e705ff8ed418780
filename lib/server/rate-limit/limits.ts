/**
 * Every rate limit of the app in one place. Bounds sit far above what a person does (a meeting's lobby fetches a
 * join grant every 20 s and a dropped connection one per retry; searching the directory is one request per typed
 * pause) and far below what a script does.
 */
export const RATE_LIMITS = {
  /** Failed LDAP sign-ins per account (whether it exists or not): guessing one password is slow. */
  signInAccount: { points: 5, durationSeconds: 15 * 60, what: "sign-in attempts" },
  /** Failed LDAP sign-ins per client address: guessing across accounts is slow too. Successes never count. */
  signInAddress: { points: 50, durationSeconds: 15 * 60, what: "sign-in attempts" },
  /** `/api/users` per user. */
  directorySearch: { points: 120, durationSeconds: 60, what: "directory searches" },
  /** Join grants (`POST /api/rooms/:id/join`) per user. */
  joinGrant: { points: 120, durationSeconds: 60, what: "requests to join a meeting" },
  /** Chat attachment uploads per user. */
  upload: { points: 30, durationSeconds: 60, what: "uploads" },
} as const satisfies Record<string, RateLimit>;

export type RateLimit = {
  readonly points: number;
  readonly durationSeconds: number;
  /** What is counted, as the 429's message says it ("Too many uploads."). */
  readonly what: string;
};
export type RateLimitName = keyof typeof RATE_LIMITS;

/**
 * `RATE_LIMIT_MULTIPLIER` scales every bound, for load tests and benches that act as many people from one address
 * or one account; production leaves it at 1.
 */
export function scaledLimit(limit: RateLimit, multiplier: number): RateLimit {
  return { ...limit, points: Math.max(1, Math.round(limit.points * multiplier)) };
}

/** Whole seconds to wait, never 0: a `Retry-After: 0` would invite an immediate retry that is refused again. */
export function retryAfterSeconds(msBeforeNext: number): number {
  return Math.max(1, Math.ceil(msBeforeNext / 1000));
}

/** The message for a locked-out sign-in: the same for every account, known or not, so it tells nothing. */
export const SIGN_IN_LOCKED_MESSAGE = "Too many sign-in attempts. Wait a few minutes, then try again.";
