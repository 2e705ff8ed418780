import { z } from "zod";
import { canViewFleetAnalytics } from "@/lib/domain/report-access";
import { getOverview } from "@/lib/server/analytics/queries/get-overview";
import { AppError, forbidden } from "@/lib/server/http/app-error";
import { apiRoute } from "@/lib/server/http/api-route";

const DAY_MS = 86_400_000;
/** Longer ranges would still be cheap (rollups only), but a year bounds the per-day series the charts draw. */
const MAX_RANGE_MS = 366 * DAY_MS;

const querySchema = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
});

/** GET /api/admin/overview?from=&to= — the fleet dashboard's figures (admins only; default: the last 30 days). */
export const GET = apiRoute({ query: querySchema }, async ({ actor, query }) => {
  if (!canViewFleetAnalytics(actor)) throw forbidden("Analytics are for admins.");
  const to = query.to ?? new Date();
  const from = query.from ?? new Date(to.getTime() - 30 * DAY_MS);
  if (from >= to || to.getTime() - from.getTime() > MAX_RANGE_MS) {
    throw new AppError("invalid_request", "`from` must be before `to`, at most a year apart.");
  }
  return { from: from.toISOString(), to: to.toISOString(), ...(await getOverview({ from, to })) };
});
