import { z } from "zod";
import { apiRoute } from "@/lib/server/http/api-route";
import { searchUsers } from "@/lib/server/users/search-users";

const query = z.object({
  query: z.string().trim().min(1, "Type at least one character.").max(100),
  limit: z.coerce.number().int().min(1).max(25).default(10),
});

export const GET = apiRoute({ query, rateLimit: "directorySearch" }, ({ actor, query }) => searchUsers(actor, query.query, query.limit));
