import "server-only";
import { create as contentDisposition } from "content-disposition";
import { prisma } from "@/lib/db/prisma";
import type { Actor } from "@/lib/domain/actor";
import { requestedRange } from "@/lib/server/files/byte-range";
import { notFound } from "@/lib/server/http/app-error";
import type { BlobStorage } from "@/lib/server/storage/blob-storage";
import { blobStorage } from "@/lib/server/storage/storage";
import { findViewableRecording } from "./find-viewable-recording";

function fileName(recording: { roomName: string; startedAt: string; part: number }): string {
  const day = recording.startedAt.slice(0, 10);
  return `${recording.roomName} ${day} part ${recording.part}.webm`;
}

/**
 * A ready recording's bytes for someone who may watch it, with Range (players seek by asking for ranges), inline
 * for the player or as a download. A download leaves an audit entry once, on its first byte: players' range
 * requests for seeking are not downloads.
 */
export async function recordingFileResponse(actor: Actor, id: string, request: Request, download: boolean, storage: BlobStorage = blobStorage()): Promise<Response> {
  const recording = await findViewableRecording(actor, id);
  if (recording.status !== "ready" || !recording.storageKey || recording.size === null) throw notFound("Recording file");
  const size = recording.size;
  const headers: Record<string, string> = {
    "content-type": "video/webm",
    "content-disposition": contentDisposition(fileName(recording), { type: download ? "attachment" : "inline" }),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "private, max-age=3600",
    etag: `"${recording.sha256}"`,
    "accept-ranges": "bytes",
  };
  if (request.headers.get("if-none-match") === headers.etag) return new Response(null, { status: 304, headers });
  const range = requestedRange(request.headers.get("range"), size);
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${size}` } });
  if (download && request.method === "GET" && (range === null || range.start === 0)) {
    await prisma.auditLog.create({ data: { actorId: actor.id, action: "recording.downloaded", targetType: "recording", targetId: id, data: { meetingId: recording.meetingId } } });
  }
  const content = await storage.get(recording.storageKey, range ?? undefined);
  if (!content) throw notFound("Recording file");
  if (request.method === "HEAD") await content.body.cancel();
  const body = request.method === "HEAD" ? null : content.body;
  if (!range) return new Response(body, { status: 200, headers: { ...headers, "content-length": String(size) } });
  return new Response(body, { status: 206, headers: { ...headers, "content-length": String(range.end - range.start + 1), "content-range": `bytes ${range.start}-${range.end}/${size}` } });
}
