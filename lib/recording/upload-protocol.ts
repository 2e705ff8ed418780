/**
 * How a recorder's browser uploads a recording while it records: tus (resumable), one upload per recording part,
 * its length declared only when the recorder stops (`Upload-Defer-Length`). Shared by the browser uploader and
 * the app's tus endpoint.
 */

/** The tus endpoint (creation, HEAD, PATCH); an upload's URL is `${RECORDING_UPLOAD_PATH}/<recordingId>`. */
export const RECORDING_UPLOAD_PATH = "/api/recordings/upload";

/** tus `Upload-Metadata` keys the endpoint requires on creation. */
export const RECORDING_UPLOAD_METADATA = {
  /** The ActiveRecording id the meeting's room announced (lib/signaling/room-settings.ts); the upload's id. */
  recordingId: "recordingId",
  /** The Room id (PartyKit room) the recording belongs to. */
  roomId: "roomId",
  /** The container MediaRecorder wrote, e.g. `video/webm;codecs=vp8,opus`. */
  mimeType: "mimeType",
} as const;

/** Bytes per PATCH: a second or two of a 1280×720 composite (less when little moves), so a crash loses at most a few seconds. */
export const RECORDING_CHUNK_BYTES = 64 * 1024;

/** MediaRecorder's timeslice: how often the recorder hands over encoded bytes. */
export const RECORDING_TIMESLICE_MS = 1_000;

/** The longest recording part the app accepts (about 9 hours at 1 Mbit/s). */
export const MAX_RECORDING_BYTES = 4 * 1024 * 1024 * 1024;

/** Containers a recording may be: webm with VP8/VP9 video and Opus audio (never h264-in-webm: it plays badly). */
export const RECORDING_MIME_TYPES = ["video/webm;codecs=vp8,opus", "video/webm;codecs=vp9,opus", "video/webm"] as const;
export type RecordingMimeType = (typeof RECORDING_MIME_TYPES)[number];

/** An upload that has received nothing for this long after its recording stopped is finalized from what arrived. */
export const RECORDING_IDLE_FINALIZE_MS = 20_000;
