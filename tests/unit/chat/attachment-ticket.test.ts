import { SignJWT } from "jose";
import { describe, expect, it } from "vitest";
import { signAttachmentTicket, verifyAttachmentTicket } from "@/lib/chat/attachment-ticket";
import { signJoinToken } from "@/lib/join-token/sign-join-token";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";

const secret = "s".repeat(32);
/** Signed like the app signs, with the parts a test wants wrong. */
const handMade = (sub: string, expiresAt: number | string = "1h") =>
  new SignJWT({ meeting: "m", owner: "u", name: "x", size: 1, mimeType: "text/plain" })
    .setProtectedHeader({ alg: "HS256" })
    .setSubject(sub)
    .setIssuer("confer-app")
    .setAudience("confer-chat-attachment")
    .setExpirationTime(expiresAt)
    .sign(new TextEncoder().encode(secret));

const file = { fileId: "f0a1b2", meetingId: "meeting-1", ownerId: "user-bob", name: "plan.pdf", size: 2048, mimeType: "application/pdf" };

describe("attachment tickets", () => {
  it("vouch for the stored file, its meeting and its sharer", async () => {
    const ticket = await signAttachmentTicket(file, secret);
    expect(await verifyAttachmentTicket(ticket, secret)).toEqual({
      attachment: { name: "plan.pdf", size: 2048, mimeType: "application/pdf", url: "/api/files/f0a1b2" },
      meetingId: "meeting-1",
      ownerId: "user-bob",
    });
  });

  it("are refused when signed with another secret or altered", async () => {
    const ticket = await signAttachmentTicket(file, secret);
    expect(await verifyAttachmentTicket(ticket, "t".repeat(32))).toBeNull();
    const [header, , signature] = ticket.split(".");
    const forged = Buffer.from(JSON.stringify({ sub: "other", meeting: "meeting-1", owner: "user-bob", name: "x.html", size: 1, mimeType: "text/html" })).toString("base64url");
    expect(await verifyAttachmentTicket(`${header}.${forged}.${signature}`, secret)).toBeNull();
  });

  it("cannot be replaced by a join token, nor carry a file id that would break out of /api/files", async () => {
    const join = await signJoinToken({ userId: "user-bob", name: "Bob", roomId: "room-1", role: "participant", policy: defaultRoomPolicy }, secret, { ttlSeconds: 60 });
    expect(await verifyAttachmentTicket(join, secret)).toBeNull();
    expect(await verifyAttachmentTicket(await handMade("f1"), secret)).toMatchObject({ attachment: { url: "/api/files/f1" } });
    expect(await verifyAttachmentTicket(await handMade("../rooms"), secret)).toBeNull();
  });

  it("expire, and oversized or empty input is refused before any crypto", async () => {
    expect(await verifyAttachmentTicket(await handMade("f1", Math.floor(Date.now() / 1000) - 10), secret)).toBeNull();
    expect(await verifyAttachmentTicket("", secret)).toBeNull();
    expect(await verifyAttachmentTicket("x".repeat(5000), secret)).toBeNull();
  });
});
