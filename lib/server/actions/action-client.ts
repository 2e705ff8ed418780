import "server-only";
import { createSafeActionClient } from "next-safe-action";
import { AppError } from "@/lib/server/http/app-error";
import { requireActor } from "@/lib/server/session/current-actor";

/**
 * Every server action goes through this chain — session first, then the action's zod schema — so no action
 * can forget authentication or validation. Only AppError messages reach the browser.
 */
export const authedAction = createSafeActionClient({
  defaultValidationErrorsShape: "flattened",
  handleServerError(error) {
    if (error instanceof AppError) return error.message;
    console.error("Unhandled server action error", error);
    return "Something went wrong on our side.";
  },
}).use(async ({ next }) => next({ ctx: { actor: await requireActor() } }));
