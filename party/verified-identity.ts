import { z } from "zod";
import { joinIdentitySchema, type JoinIdentity } from "../lib/join-token/claims";

/**
 * What the worker forwards: the verified identity, its token's expiry (which orders the policies it carries) and
 * id (which the room accepts once).
 */
const forwardedIdentitySchema = joinIdentitySchema.extend({ expiresAt: z.number(), jti: z.string().min(1).max(256) });
export type ForwardedIdentity = z.infer<typeof forwardedIdentitySchema>;

/**
 * onBeforeConnect runs in the edge worker and onConnect in the room (a Durable Object); the only channel between
 * them is the forwarded upgrade Request. The worker always overwrites this header, so a client cannot supply it.
 */
const VERIFIED_IDENTITY_HEADER = "x-confer-verified-identity";

export function forwardWithIdentity(request: Request, identity: JoinIdentity & { expiresAt: number; jti: string }, connectionId: string): Request {
  const url = new URL(request.url);
  // The token has done its job; keep it out of `connection.uri` and anything that logs it.
  url.searchParams.delete("token");
  // PartyKit takes the connection id from the client-chosen `_pk`; a server-chosen one cannot impersonate a seat.
  url.searchParams.set("_pk", connectionId);
  const forwarded = new Request(url.toString(), request);
  const { userId, name, roomId, role, policy, expiresAt, jti } = identity;
  forwarded.headers.set(VERIFIED_IDENTITY_HEADER, JSON.stringify({ userId, name, roomId, role, policy, expiresAt, jti }));
  return forwarded;
}

export function readForwardedIdentity(headers: Headers): ForwardedIdentity | undefined {
  const raw = headers.get(VERIFIED_IDENTITY_HEADER);
  if (raw === null) return undefined;
  try {
    const parsed = forwardedIdentitySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
