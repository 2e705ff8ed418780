import { joinIdentitySchema, type JoinIdentity } from "../lib/join-token/claims";

/**
 * onBeforeConnect runs in the edge worker and onConnect in the room (a Durable Object); the only channel between
 * them is the forwarded upgrade Request. The worker always overwrites this header, so a client cannot supply it.
 */
const VERIFIED_IDENTITY_HEADER = "x-confer-verified-identity";

export function forwardWithIdentity(request: Request, identity: JoinIdentity, connectionId: string): Request {
  const url = new URL(request.url);
  // The token has done its job; keep it out of `connection.uri` and anything that logs it.
  url.searchParams.delete("token");
  // PartyKit takes the connection id from the client-chosen `_pk`; a server-chosen one cannot impersonate a seat.
  url.searchParams.set("_pk", connectionId);
  const forwarded = new Request(url.toString(), request);
  const { userId, name, roomId, role, policy } = identity;
  forwarded.headers.set(VERIFIED_IDENTITY_HEADER, JSON.stringify({ userId, name, roomId, role, policy }));
  return forwarded;
}

export function readForwardedIdentity(headers: Headers): JoinIdentity | undefined {
  const raw = headers.get(VERIFIED_IDENTITY_HEADER);
  if (raw === null) return undefined;
  try {
    const parsed = joinIdentitySchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
