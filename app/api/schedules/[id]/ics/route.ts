import { z } from "zod";
import { apiRoute } from "@/lib/server/http/api-route";
import { scheduleIcs } from "@/lib/server/schedules/schedule-ics";

const params = z.object({ id: z.string().trim().min(1).max(64) });

export const GET = apiRoute({ params }, async ({ actor, params, request }) => {
  const { ics, fileName } = await scheduleIcs(actor, params.id, request.nextUrl.origin);
  return new Response(ics, {
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "content-disposition": `attachment; filename="${fileName}"`,
      "cache-control": "no-store",
    },
  });
});
