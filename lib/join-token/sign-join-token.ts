import { SignJWT } from "jose";
import {
  JOIN_TOKEN_AUDIENCE,
  JOIN_TOKEN_ISSUER,
  MAX_DISPLAY_NAME_LENGTH,
  MAX_JOIN_TOKEN_TTL_SECONDS,
  joinIdentitySchema,
  joinTokenKey,
  type JoinIdentityInput,
} from "./claims";

export type SignJoinTokenOptions = {
  ttlSeconds: number;
  /** Issue time; tests move it to mint already-expired tokens. */
  now?: Date;
};

/** Mints the compact JWS a browser presents to the meeting's PartyKit room (`?token=`). */
export async function signJoinToken(identity: JoinIdentityInput, secret: string, options: SignJoinTokenOptions): Promise<string> {
  const { ttlSeconds } = options;
  if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_JOIN_TOKEN_TTL_SECONDS) {
    throw new RangeError(`join token ttlSeconds must be an integer from 1 to ${MAX_JOIN_TOKEN_TTL_SECONDS}, got ${ttlSeconds}`);
  }
  // The directory owns display names: an unusually long one is shortened rather than locking its owner out.
  const { userId, name, roomId, role, policy } = joinIdentitySchema.parse({
    ...identity,
    name: identity.name.slice(0, MAX_DISPLAY_NAME_LENGTH),
  });
  const issuedAt = Math.floor((options.now ?? new Date()).getTime() / 1000);
  return new SignJWT({ name, room: roomId, role, policy })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(userId)
    .setIssuer(JOIN_TOKEN_ISSUER)
    .setAudience(JOIN_TOKEN_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + ttlSeconds)
    .setJti(crypto.randomUUID())
    .sign(joinTokenKey(secret));
}
