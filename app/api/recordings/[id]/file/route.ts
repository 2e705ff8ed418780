import { z } from "zod";
import { apiRoute } from "@/lib/server/http/api-route";
import { recordingFileResponse } from "@/lib/server/recordings/recording-file-response";

const params = z.object({ id: z.uuid() });
const query = z.object({ download: z.literal("1").optional() });

/** A ready recording's webm, with Range; `?download=1` makes it an attachment. 404 for those who may not see it. */
const serve = apiRoute({ params, query }, async ({ actor, request, params, query }) => recordingFileResponse(actor, params.id, request, query.download === "1"));

export const GET = serve;
export const HEAD = serve;
