"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { errorsFromTree } from "@/components/policy/form-errors";
import { createScheduleInputSchema, updateScheduleInputSchema } from "@/lib/domain/schedule-input";
import { authedAction } from "@/lib/server/actions/action-client";
import { cancelSchedule } from "@/lib/server/schedules/cancel-schedule";
import { createSchedule } from "@/lib/server/schedules/create-schedule";
import { updateSchedule } from "@/lib/server/schedules/update-schedule";

const scheduleId = z.string().trim().min(1).max(64);

/** Same use case as POST /api/schedules; the dashboard's Upcoming list is refreshed for the organizer. */
export const createScheduleAction = authedAction.inputSchema(createScheduleInputSchema).action(async ({ ctx, parsedInput }) => {
  const schedule = await createSchedule(ctx.actor, parsedInput);
  revalidatePath("/");
  return { id: schedule.id, title: schedule.title, joinPath: schedule.joinPath };
});

/** Same use case as PATCH /api/schedules/:id (organizer only; the invite keeps its UID, SEQUENCE goes up). */
export const updateScheduleAction = authedAction
  .inputSchema(z.object({ id: scheduleId, changes: updateScheduleInputSchema }), {
    handleValidationErrorsShape: async (errors) => errorsFromTree(errors, "changes"),
  })
  .action(async ({ ctx, parsedInput }) => {
    const schedule = await updateSchedule(ctx.actor, parsedInput.id, parsedInput.changes);
    revalidatePath("/");
    return { id: schedule.id, title: schedule.title, sequence: schedule.sequence };
  });

/** Same use case as DELETE /api/schedules/:id: the meeting leaves everyone's Upcoming; its .ics becomes a cancellation. */
export const cancelScheduleAction = authedAction.inputSchema(z.object({ id: scheduleId })).action(async ({ ctx, parsedInput }) => {
  const schedule = await cancelSchedule(ctx.actor, parsedInput.id);
  revalidatePath("/");
  return { id: schedule.id, title: schedule.title };
});
