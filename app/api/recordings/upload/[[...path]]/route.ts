import { z } from "zod";
import { apiRoute } from "@/lib/server/http/api-route";
import { handleRecordingUpload } from "@/lib/server/recordings/handle-recording-upload";
import { kickRecordingSweep } from "@/lib/server/recordings/recording-sweep";

const params = z.object({ path: z.array(z.string().max(64)).max(1).optional() });

/**
 * The tus endpoint a recorder's browser uploads a recording to while it records (lib/recording/upload-protocol.ts):
 * POST creates `/api/recordings/upload/<recordingId>`, HEAD and PATCH resume and append. The proxy skips this path
 * (it would buffer the chunks); the session is checked here.
 */
const handle = apiRoute({ params }, async ({ actor, request }) => {
  kickRecordingSweep();
  return handleRecordingUpload(actor, request);
});

export const POST = handle;
export const HEAD = handle;
export const PATCH = handle;
export const OPTIONS = handle;
export const DELETE = handle;
export const GET = handle;
