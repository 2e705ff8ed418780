"use server";

import { revalidatePath } from "next/cache";
import { createScheduleInputSchema } from "@/lib/domain/schedule-input";
import { authedAction } from "@/lib/server/actions/action-client";
import { createSchedule } from "@/lib/server/schedules/create-schedule";

/** Same use case as POST /api/schedules; the dashboard's Upcoming list is refreshed for the organizer. */
export const createScheduleAction = authedAction.inputSchema(createScheduleInputSchema).action(async ({ ctx, parsedInput }) => {
  const schedule = await createSchedule(ctx.actor, parsedInput);
  revalidatePath("/");
  return { id: schedule.id, title: schedule.title, joinPath: schedule.joinPath };
});
