import { apiRoute } from "@/lib/server/http/api-route";
import { listRecordings } from "@/lib/server/recordings/list-recordings";

/** The recordings the actor may see, grouped by meeting (lib/domain/recording-access.ts decides). */
export const GET = apiRoute({}, async ({ actor }) => ({ meetings: await listRecordings(actor) }));
