import { z } from "zod";
import { apiRoute } from "@/lib/server/http/api-route";
import { deleteRecording } from "@/lib/server/recordings/delete-recording";
import { findViewableRecording } from "@/lib/server/recordings/find-viewable-recording";

const params = z.object({ id: z.uuid() });

/** One recording's facts for those who may watch it; 404 for everyone else. */
export const GET = apiRoute({ params }, async ({ actor, params }) => {
  const recording = await findViewableRecording(actor, params.id);
  // Where the bytes are stored is the app's business, not the caller's.
  return { ...recording, storageKey: undefined };
});

/** Hosts and admins delete a recording (its bytes, then the row is marked); 404 for those who may not see it. */
export const DELETE = apiRoute({ params }, async ({ actor, params }) => {
  await deleteRecording(actor, params.id);
  return { deleted: true };
});
