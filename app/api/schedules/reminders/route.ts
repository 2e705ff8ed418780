import { apiRoute } from "@/lib/server/http/api-route";
import { listDueReminders } from "@/lib/server/schedules/list-due-reminders";

/** Reminders due now for the signed-in person (the app's reminder toasts poll this). */
export const GET = apiRoute({}, ({ actor }) => listDueReminders(actor));
