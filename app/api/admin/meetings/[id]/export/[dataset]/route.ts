import { z } from "zod";
import { exportMeetingParticipants } from "@/lib/server/analytics/exports/export-meeting-participants";
import { exportMeetingReport } from "@/lib/server/analytics/exports/export-meeting-report";
import { exportMeetingSamples } from "@/lib/server/analytics/exports/export-meeting-samples";
import { exportResponse } from "@/lib/server/analytics/exports/export-stream";
import { getReportAccess } from "@/lib/server/analytics/queries/get-report-access";
import { notFound } from "@/lib/server/http/app-error";
import { exportMeetingChat } from "@/lib/server/meetings/export-meeting-chat";
import { apiRoute } from "@/lib/server/http/api-route";

const exporters = {
  report: exportMeetingReport,
  participants: exportMeetingParticipants,
  samples: exportMeetingSamples,
  chat: exportMeetingChat,
};

const params = z.object({
  id: z.string().min(1).max(200),
  dataset: z.enum(["report", "participants", "samples", "chat"]),
});
const query = z.object({ format: z.enum(["csv", "json"]) });

/**
 * GET /api/admin/meetings/{id}/export/{report|participants|samples|chat}?format=csv|json — a streamed download
 * (docs/analytics.md, "Exports"). Same access as the post-call report: admins any meeting, hosts the meetings they
 * hosted; everyone else gets 404 whether or not the meeting exists, so ids cannot be probed.
 */
export const GET = apiRoute({ params, query }, async ({ actor, params, query }) => {
  const access = await getReportAccess(actor, params.id);
  if (access === null || access === "denied") throw notFound("Meeting");
  const file = await exporters[params.dataset](params.id, query.format);
  if (!file) throw notFound("Meeting");
  return exportResponse(file);
});
