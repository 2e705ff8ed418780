import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { joinTokenKey } from "../join-token/claims";
import { ATTACHMENT_URL_PREFIX, chatAttachmentSchema, MAX_ATTACHMENT_TICKET_LENGTH, type ChatAttachment } from "../signaling/chat";

/**
 * What the app vouches for when it stores a chat file: its metadata, the meeting it was shared in and who shared
 * it. The browser gets it back from the upload and can only pass it on to the meeting's room, which checks the
 * signature (PARTY_SECRET, like join tokens), the meeting and the sender before the file appears in chat. So a
 * chat attachment is always a file stored for that meeting by that person, named and typed as the app stored it.
 */
export type AttachmentTicketClaims = { readonly attachment: ChatAttachment; readonly meetingId: string; readonly ownerId: string };

const ISSUER = "confer-app";
/** Distinct from the join token's audience: neither can stand in for the other. */
const AUDIENCE = "confer-chat-attachment";
/** Long enough for a file picked early and sent late in a long meeting; a ticket is useless after its meeting. */
const TTL_SECONDS = 12 * 60 * 60;

const claimsSchema = z.object({
  sub: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  meeting: z.string().min(1).max(64),
  owner: z.string().min(1).max(128),
  name: chatAttachmentSchema.shape.name,
  size: chatAttachmentSchema.shape.size,
  mimeType: chatAttachmentSchema.shape.mimeType,
});

export async function signAttachmentTicket(
  claims: { fileId: string; meetingId: string; ownerId: string; name: string; size: number; mimeType: string },
  secret: string,
): Promise<string> {
  return new SignJWT({ meeting: claims.meetingId, owner: claims.ownerId, name: claims.name, size: claims.size, mimeType: claims.mimeType })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .setSubject(claims.fileId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TTL_SECONDS}s`)
    .sign(joinTokenKey(secret));
}

/** The attachment a ticket vouches for, or null for anything forged, expired, oversized or malformed. */
export async function verifyAttachmentTicket(ticket: string, secret: string): Promise<AttachmentTicketClaims | null> {
  if (ticket.length === 0 || ticket.length > MAX_ATTACHMENT_TICKET_LENGTH) return null;
  try {
    const { payload } = await jwtVerify(ticket, joinTokenKey(secret), { algorithms: ["HS256"], issuer: ISSUER, audience: AUDIENCE, requiredClaims: ["exp"] });
    const claims = claimsSchema.safeParse(payload);
    if (!claims.success) return null;
    const { sub, meeting, owner, name, size, mimeType } = claims.data;
    return { attachment: { name, size, mimeType, url: `${ATTACHMENT_URL_PREFIX}${sub}` }, meetingId: meeting, ownerId: owner };
  } catch {
    return null;
  }
}
