import { z } from "zod";
import { roomIdSchema } from "@/lib/domain/room-input";
import { MAX_ATTACHMENT_NAME_LENGTH } from "@/lib/signaling/chat";
import { apiRoute } from "@/lib/server/http/api-route";
import { AppError } from "@/lib/server/http/app-error";
import { shareChatFile } from "@/lib/server/files/share-chat-file";

const query = z.object({ room: roomIdSchema, name: z.string().min(1).max(MAX_ATTACHMENT_NAME_LENGTH * 4) });
const mimeType = /^[A-Za-z0-9!#$&^_.+-]+\/[A-Za-z0-9!#$&^_.+-]+$/;

/**
 * A chat attachment: the raw file as the body (Content-Length required, Content-Type as the browser saw it), the
 * room and the file's name in the query. This path skips the proxy (proxy.ts), which would buffer the body in
 * memory; `apiRoute` still requires the session.
 */
export const POST = apiRoute({ query, rateLimit: "upload" }, async ({ actor, request, query }) => {
  const length = request.headers.get("content-length");
  if (length === null || !/^\d+$/.test(length)) throw new AppError("invalid_request", "Send the file with its Content-Length.");
  if (!request.body) throw new AppError("invalid_request", "The request has no file.");
  const declared = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  return shareChatFile(actor, {
    roomId: query.room,
    name: query.name,
    declaredType: mimeType.test(declared) && declared.length <= 127 ? declared : "application/octet-stream",
    size: Number(length),
    body: request.body,
  });
});
