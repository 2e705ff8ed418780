import { z } from "zod";
import { apiRoute } from "@/lib/server/http/api-route";
import { fileResponse } from "@/lib/server/files/file-response";
import { findFetchableFile } from "@/lib/server/files/open-stored-file";

const params = z.object({ id: z.string().regex(/^[a-f0-9]{32}$/, "a file id") });
const query = z.object({ inline: z.literal("1").optional() });

/** A shared file for those who may have it (lib/server/files/open-stored-file.ts); 404 for everyone else. */
const serve = apiRoute({ params, query }, async ({ actor, request, params, query }) =>
  fileResponse(await findFetchableFile(actor, params.id), request, query.inline === "1"),
);

export const GET = serve;
export const HEAD = serve;
