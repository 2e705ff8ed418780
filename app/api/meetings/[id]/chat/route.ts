import { z } from "zod";
import { exportResponse } from "@/lib/server/analytics/exports/export-stream";
import { notFound } from "@/lib/server/http/app-error";
import { apiRoute } from "@/lib/server/http/api-route";
import { exportMeetingChat } from "@/lib/server/meetings/export-meeting-chat";
import { mayViewMeetingHistory } from "@/lib/server/meetings/get-meeting-history";

const params = z.object({ id: z.string().min(1).max(200) });
const query = z.object({ format: z.enum(["csv", "json"]) });

/** A meeting's chat as a download, for those who may read its history (took part, room owner, admins); else 404. */
export const GET = apiRoute({ params, query }, async ({ actor, params, query }) => {
  if (!(await mayViewMeetingHistory(actor, params.id))) throw notFound("Meeting");
  const file = await exportMeetingChat(params.id, query.format);
  if (!file) throw notFound("Meeting");
  return exportResponse(file);
});
