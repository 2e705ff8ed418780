import "server-only";
import { Server } from "@tus/server";
import type { Actor } from "@/lib/domain/actor";
import { MAX_RECORDING_BYTES, RECORDING_UPLOAD_PATH } from "@/lib/recording/upload-protocol";
import { AppError } from "@/lib/server/http/app-error";
import { queryPartyPresence } from "@/lib/server/party/query-party-presence";
import { blobStorage } from "@/lib/server/storage/storage";
import { type FinalizeDeps, finalizeRecording } from "./finalize-recording";
import { recordingUploads } from "./recording-uploads";
import {
  type PresenceQuery,
  assertRecorderMayUpload,
  finishedUploadLength,
  noteUploadProgress,
  recordingUploadMetadataSchema,
  startRecordingUpload,
} from "./start-recording-upload";

export type RecordingUploadDeps = FinalizeDeps & { presence: PresenceQuery };
export const defaultUploadDeps = (): RecordingUploadDeps => ({ storage: blobStorage(), uploads: recordingUploads(), presence: queryPartyPresence });

/** tus answers a thrown `{status_code, body}` with that status and text. */
type TusRefusal = { status_code: number; body: string };
const refusal = (status: number, message: string): TusRefusal => ({ status_code: status, body: `${message}\n` });

function asRefusal(error: unknown): unknown {
  if (error instanceof AppError) return refusal(error.status, error.message);
  return error;
}

function parseMetadata(metadata: Record<string, string | null> | undefined) {
  const parsed = recordingUploadMetadataSchema.safeParse(metadata ?? {});
  if (!parsed.success) throw refusal(400, `Invalid Upload-Metadata: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  return parsed.data;
}

const text = (status: number, message: string) => new Response(`${message}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", "tus-resumable": "1.0.0" } });

/**
 * tus-js-client with a deferred length ignores the length a HEAD reports, so when the answer to its last PATCH (the
 * one that declared the length) is lost, its retry declares the same length again, which @tus/server refuses
 * (400) and the recording's upload would fail. The same length again changes nothing: drop the header.
 */
async function withoutRepeatedLength(request: Request, uploadId: string, deps: RecordingUploadDeps): Promise<Request> {
  const declared = request.headers.get("upload-length");
  if (request.method !== "PATCH" || declared === null || uploadId === "") return request;
  const upload = await deps.uploads.find(uploadId).catch(() => null);
  if (upload?.size === undefined || upload.size !== Number(declared)) return request;
  const headers = new Headers(request.headers);
  headers.delete("upload-length");
  return new Request(request.url, { method: request.method, headers, body: request.body, duplex: "half" } as RequestInit);
}

/**
 * The tus endpoint for a recording's upload (lib/recording/upload-protocol.ts), for a signed-in actor. The upload's
 * id is the recording's, so resuming is by recording. Creation checks with PartyKit that the actor is this
 * recording's recorder; every later request that they still are, and that the recording still takes bytes. When
 * the last declared byte arrives the recording is finalized after the response (the sweep catches a finalize lost
 * with its process). A server per request, over the one store and lock table of the process.
 */
export async function handleRecordingUpload(actor: Actor, incoming: Request, deps: RecordingUploadDeps = defaultUploadDeps()): Promise<Response> {
  // Terminating would throw away what the room announced as recorded; a host deletes a finished recording instead.
  let request = incoming;
  if (request.method === "DELETE") return text(403, "A recording's upload cannot be discarded; stop the recording, then delete it from Recordings.");
  if (request.method === "GET") return text(404, "Recordings are watched at /api/recordings/<id>/file.");
  const uploadId = new URL(request.url).pathname.slice(RECORDING_UPLOAD_PATH.length + 1);
  request = await withoutRepeatedLength(request, uploadId, deps);
  if (request.method === "HEAD" && uploadId !== "") {
    const length = await finishedUploadLength(actor, uploadId);
    if (length !== null) {
      const headers = { "tus-resumable": "1.0.0", "upload-offset": String(length), "upload-length": String(length), "cache-control": "no-store" };
      return new Response(null, { status: 200, headers });
    }
  }

  const finished: { id?: string } = {};
  const server = new Server({
    path: RECORDING_UPLOAD_PATH,
    datastore: deps.uploads.store,
    locker: deps.uploads.locker,
    relativeLocation: true,
    maxSize: MAX_RECORDING_BYTES,
    namingFunction: (_req, metadata) => parseMetadata(metadata).recordingId,
    onIncomingRequest: async (req, id) => {
      try {
        if (req.method === "POST") {
          if (await deps.uploads.find(id)) throw new AppError("conflict", "This recording's upload exists already; resume it (HEAD, then PATCH).");
          return;
        }
        await assertRecorderMayUpload(actor, id);
      } catch (error) {
        throw asRefusal(error);
      }
    },
    onUploadCreate: async (_req, upload) => {
      try {
        await startRecordingUpload(actor, parseMetadata(upload.metadata), deps.presence);
      } catch (error) {
        throw asRefusal(error);
      }
      return {};
    },
    onUploadFinish: async (_req, upload) => {
      finished.id = upload.id;
      await noteUploadProgress(upload.id, upload.offset, true);
      return {};
    },
  });

  const response = await server.handleWeb(request);
  const offset = Number(response.headers.get("upload-offset"));
  if (finished.id !== undefined) {
    const id = finished.id;
    void finalizeRecording(id, deps).catch((error) => console.error(`Could not finalize recording ${id}; the sweep tries again`, error));
  } else if (request.method === "PATCH" && response.status === 204 && Number.isFinite(offset)) {
    await noteUploadProgress(uploadId, offset, false);
  }
  return response;
}
