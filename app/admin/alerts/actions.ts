"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/server/actions/action-client";
import { markAlertRead } from "@/lib/server/alerts/mark-alert-read";
import { markAllAlertsRead } from "@/lib/server/alerts/mark-all-alerts-read";

// The admin check lives in the use cases (server side), so a forged call from a non-admin is refused there.

export const markAlertReadAction = authedAction
  .inputSchema(z.object({ id: z.string().min(1).max(64) }))
  .action(async ({ ctx, parsedInput }) => {
    await markAlertRead(ctx.actor, parsedInput.id);
    // Every page's header shows the unread badge: revalidate from the root layout down.
    revalidatePath("/", "layout");
  });

export const markAllAlertsReadAction = authedAction
  .inputSchema(z.object({ upTo: z.iso.datetime() }))
  .action(async ({ ctx, parsedInput }) => {
    const result = await markAllAlertsRead(ctx.actor, new Date(parsedInput.upTo));
    revalidatePath("/", "layout");
    return result;
  });
