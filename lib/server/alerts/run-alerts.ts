import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { deliverPendingAlerts } from "./deliver-pending-alerts";
import { evaluateAlerts } from "./evaluate-alerts";

export type AlertRunResult = {
  created: number;
  dedupeKeys: string[];
  /** null when no webhook is configured. */
  webhook: { delivered: number; failed: number } | null;
};

/**
 * One scheduler tick (POST /api/internal/alerts/evaluate): raise new alerts, then deliver the webhook for new
 * and earlier undelivered ones when ALERT_WEBHOOK_URL is set.
 */
export async function runAlerts(now: Date = new Date()): Promise<AlertRunResult> {
  const env = serverEnv();
  const created = await evaluateAlerts(now, { webhook: Boolean(env.ALERT_WEBHOOK_URL) });
  let webhook: AlertRunResult["webhook"] = null;
  if (env.ALERT_WEBHOOK_URL) {
    const deliveries = await deliverPendingAlerts({ url: env.ALERT_WEBHOOK_URL, secret: env.ALERT_WEBHOOK_SECRET }, now);
    webhook = {
      delivered: deliveries.filter((d) => d.status === "delivered").length,
      failed: deliveries.filter((d) => d.status === "failed").length,
    };
  }
  return { created: created.length, dedupeKeys: created.map((a) => a.dedupeKey), webhook };
}
