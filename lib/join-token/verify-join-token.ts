import { errors, jwtVerify } from "jose";
import {
  JOIN_TOKEN_AUDIENCE,
  JOIN_TOKEN_CLOCK_TOLERANCE_SECONDS,
  JOIN_TOKEN_ISSUER,
  MAX_JOIN_TOKEN_TTL_SECONDS,
  joinIdentitySchema,
  joinTokenKey,
  type JoinTokenClaims,
} from "./claims";

export type JoinTokenFailure = "expired" | "invalid" | "wrong-room";
export type JoinTokenVerification = { ok: true; claims: JoinTokenClaims } | { ok: false; reason: JoinTokenFailure };

/** Far above any token signJoinToken makes; stops oversized input before any crypto runs. */
const MAX_TOKEN_LENGTH = 4096;

/**
 * Checks a join token for `expectedRoomId`. Bad tokens resolve to a reason, never throw; only a misconfigured
 * (too short) secret throws. "wrong-room" is reported only for otherwise valid tokens.
 */
export async function verifyJoinToken(
  token: string,
  secret: string,
  expectedRoomId: string,
  options: { now?: Date } = {},
): Promise<JoinTokenVerification> {
  const key = joinTokenKey(secret);
  if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) return { ok: false, reason: "invalid" };

  let payload;
  try {
    ({ payload } = await jwtVerify(token, key, {
      algorithms: ["HS256"],
      issuer: JOIN_TOKEN_ISSUER,
      audience: JOIN_TOKEN_AUDIENCE,
      requiredClaims: ["sub", "iat", "exp", "jti"],
      clockTolerance: JOIN_TOKEN_CLOCK_TOLERANCE_SECONDS,
      // Also rejects an `iat` in the future, so a token cannot be pre-minted to outlive the TTL cap.
      maxTokenAge: MAX_JOIN_TOKEN_TTL_SECONDS,
      currentDate: options.now,
    }));
  } catch (error) {
    return { ok: false, reason: error instanceof errors.JWTExpired ? "expired" : "invalid" };
  }

  const { sub, iat, exp, jti, name, room, role, policy } = payload;
  // Holding the secret is not enough to mint long-lived tokens: the lifetime cap holds on this side too.
  if (iat === undefined || exp === undefined || exp - iat > MAX_JOIN_TOKEN_TTL_SECONDS || typeof jti !== "string") {
    return { ok: false, reason: "invalid" };
  }
  const identity = joinIdentitySchema.safeParse({ userId: sub, name, roomId: room, role, policy });
  if (!identity.success) return { ok: false, reason: "invalid" };
  if (identity.data.roomId !== expectedRoomId) return { ok: false, reason: "wrong-room" };
  return { ok: true, claims: { ...identity.data, jti, expiresAt: exp } };
}
