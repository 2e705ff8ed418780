import "server-only";
import { prisma } from "@/lib/db/prisma";
import { DEFAULT_WEBHOOK_POLICY, isDeliveryDue, type WebhookPolicy } from "@/lib/domain/alerts/webhook";
import { deliverAlertWebhook, type WebhookDelivery, type WebhookTarget } from "./deliver-alert-webhook";

/** At most this many alerts per run, so a long outage of the receiver cannot make one run take minutes. */
const BATCH = 20;

/**
 * Delivers every alert whose webhook is still due (new "pending" ones and earlier "failed" ones with attempts
 * left, younger than `maxAgeMs`), oldest first, one after another so the receiver sees them in order.
 */
export async function deliverPendingAlerts(
  target: WebhookTarget,
  now: Date = new Date(),
  policy: WebhookPolicy = DEFAULT_WEBHOOK_POLICY,
): Promise<WebhookDelivery[]> {
  const candidates = await prisma.alert.findMany({
    where: {
      webhookStatus: { in: ["pending", "failed"] },
      webhookAttempts: { lt: policy.maxAttempts },
      createdAt: { gte: new Date(now.getTime() - policy.maxAgeMs) },
    },
    orderBy: { createdAt: "asc" },
    take: BATCH,
  });
  const results: WebhookDelivery[] = [];
  for (const alert of candidates.filter((a) => isDeliveryDue(a, now, policy))) {
    results.push(await deliverAlertWebhook(alert, target, policy));
  }
  return results;
}
