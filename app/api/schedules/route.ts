import { NextResponse } from "next/server";
import { createScheduleInputSchema } from "@/lib/domain/schedule-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { createSchedule } from "@/lib/server/schedules/create-schedule";
import { listUpcoming } from "@/lib/server/schedules/list-upcoming";

/** The actor's upcoming meetings (organized or invited), next occurrence first. */
export const GET = apiRoute({}, ({ actor }) => listUpcoming(actor));

export const POST = apiRoute({ body: createScheduleInputSchema }, async ({ actor, body }) =>
  NextResponse.json(await createSchedule(actor, body), { status: 201 }),
);
