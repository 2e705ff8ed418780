import "server-only";
import { timingSafeEqual } from "node:crypto";
import { AppError } from "./app-error";

/**
 * For the scheduler hooks under /api/internal (no session): the caller proves itself with `Authorization: Bearer
 * <secret>`. An unset secret turns the hook off (404); a wrong or missing bearer is a 401. The comparison takes
 * constant time, so the secret cannot be guessed byte by byte from response timing.
 */
export function requireBearerSecret(authorization: string | null, secret: string | undefined, what: string): void {
  if (!secret) throw new AppError("not_found", `${what} is not enabled.`);
  const given = Buffer.from(authorization?.startsWith("Bearer ") ? authorization.slice("Bearer ".length) : "");
  const expected = Buffer.from(secret);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new AppError("unauthorized", `Missing or invalid ${what.toLowerCase()} secret.`);
  }
}
