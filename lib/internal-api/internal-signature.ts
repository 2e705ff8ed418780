import { jwtVerify, SignJWT } from "jose";
import { joinTokenKey } from "../join-token/claims";

/**
 * Server-to-server calls between Next.js and PartyKit (both hold PARTY_SECRET). The caller sends
 * `Authorization: Bearer <JWT>` whose `bsh` claim is the SHA-256 of the exact body, so a captured header cannot
 * carry another body, and a short lifetime bounds replays (idempotent batch ids make a replay harmless anyway).
 */
export const INTERNAL_AUDIENCES = {
  /** PartyKit → Next.js: meeting records, analytics batches. */
  app: "confer-app-internal",
  /** Next.js → PartyKit: room control (close). */
  party: "confer-party-control",
} as const;
export type InternalAudience = (typeof INTERNAL_AUDIENCES)[keyof typeof INTERNAL_AUDIENCES];

const ISSUER = "confer-internal";
const LIFETIME_SECONDS = 60;
const CLOCK_TOLERANCE_SECONDS = 5;

async function sha256Hex(body: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(body));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The `Authorization` header value for `body` sent to `audience`. */
export async function signInternalRequest(body: string, secret: string, audience: InternalAudience, now = new Date()): Promise<string> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const jwt = await new SignJWT({ bsh: await sha256Hex(body) })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setIssuer(ISSUER)
    .setAudience(audience)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + LIFETIME_SECONDS)
    .sign(joinTokenKey(secret));
  return `Bearer ${jwt}`;
}

/** True when `authorization` was made by signInternalRequest for this very body and audience, and is fresh. */
export async function verifyInternalRequest(
  authorization: string | null,
  body: string,
  secret: string,
  audience: InternalAudience,
  now = new Date(),
): Promise<boolean> {
  if (!authorization?.startsWith("Bearer ") || authorization.length > 2048) return false;
  try {
    const { payload } = await jwtVerify(authorization.slice("Bearer ".length), joinTokenKey(secret), {
      algorithms: ["HS256"],
      issuer: ISSUER,
      audience,
      requiredClaims: ["iat", "exp"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
      maxTokenAge: LIFETIME_SECONDS,
      currentDate: now,
    });
    return typeof payload.bsh === "string" && payload.bsh === (await sha256Hex(body));
  } catch {
    return false;
  }
}
