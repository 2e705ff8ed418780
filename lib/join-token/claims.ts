import { z } from "zod";
import { defaultRoomPolicy, roomPolicySchema } from "../domain/room-policy";
import { meetingRoleSchema } from "../signaling/meeting-role";

export const JOIN_TOKEN_ISSUER = "confer-app";
export const JOIN_TOKEN_AUDIENCE = "confer-party";
/** Tokens travel in a URL query string (browsers cannot set WebSocket headers), so they must go stale fast. */
export const MAX_JOIN_TOKEN_TTL_SECONDS = 60;
/** Next.js and PartyKit run on different hosts; tolerate small clock skew between them, no more. */
export const JOIN_TOKEN_CLOCK_TOLERANCE_SECONDS = 5;
/** HS256 keys shorter than this are guessable; matches PARTY_SECRET's rule in lib/config/server-env.ts. */
export const MIN_PARTY_SECRET_LENGTH = 32;
export const MAX_DISPLAY_NAME_LENGTH = 200;

/** Who may join which PartyKit room, as Next.js decided. */
export const joinIdentitySchema = z.object({
  userId: z.string().min(1).max(256),
  name: z.string().max(MAX_DISPLAY_NAME_LENGTH),
  /** PartyKit takes the room id verbatim from the URL path, so it must need no escaping to compare equal. */
  roomId: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, "room ids are 1–128 characters of [A-Za-z0-9_-]"),
  role: meetingRoleSchema,
  /** The room's policy as Next.js knows it now; PartyKit enforces the newest one it has seen. */
  policy: roomPolicySchema.default(defaultRoomPolicy),
});
export type JoinIdentity = z.infer<typeof joinIdentitySchema>;
/** What a caller passes to signJoinToken: the policy may be left out for the default. */
export type JoinIdentityInput = z.input<typeof joinIdentitySchema>;

export type JoinTokenClaims = JoinIdentity & {
  /** Unique token id, for logs and future replay protection. */
  jti: string;
  /** Epoch seconds. */
  expiresAt: number;
};

export function joinTokenKey(secret: string): Uint8Array {
  if (secret.length < MIN_PARTY_SECRET_LENGTH) {
    throw new Error(`PARTY_SECRET must be at least ${MIN_PARTY_SECRET_LENGTH} characters`);
  }
  return new TextEncoder().encode(secret);
}
