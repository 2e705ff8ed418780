import { z } from "zod";
import { updateScheduleInputSchema } from "@/lib/domain/schedule-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { cancelSchedule } from "@/lib/server/schedules/cancel-schedule";
import { getSchedule } from "@/lib/server/schedules/get-schedule";
import { updateSchedule } from "@/lib/server/schedules/update-schedule";

const params = z.object({ id: z.string().trim().min(1).max(64) });

export const GET = apiRoute({ params }, ({ actor, params }) => getSchedule(actor, params.id));

export const PATCH = apiRoute({ params, body: updateScheduleInputSchema }, ({ actor, params, body }) =>
  updateSchedule(actor, params.id, body),
);

/** Cancels (organizer only); the meeting stays so its .ics can announce the cancellation. */
export const DELETE = apiRoute({ params }, ({ actor, params }) => cancelSchedule(actor, params.id));
