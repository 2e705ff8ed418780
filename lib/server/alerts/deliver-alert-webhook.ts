import "server-only";
import pRetry, { AbortError } from "p-retry";
import { prisma } from "@/lib/db/prisma";
import {
  alertWebhookPayload,
  attemptsForRun,
  DEFAULT_WEBHOOK_POLICY,
  isRetryableStatus,
  type AlertForWebhook,
  type WebhookPolicy,
  type WebhookStatus,
} from "@/lib/domain/alerts/webhook";
import { signWebhookBody, WEBHOOK_SIGNATURE_HEADER } from "./webhook-signature";

export type WebhookTarget = { url: string; secret?: string };

export type WebhookDelivery = { alertId: string; status: WebhookStatus; attempts: number; lastError: string | null };

/**
 * POSTs one alert to the webhook with up to `attemptsPerRun` attempts (exponential backoff via p-retry, a time
 * limit per attempt), then records the outcome on the Alert row: "delivered", or "failed" (the next evaluation
 * run retries it until `maxAttempts`). Delivery is at least once: receivers dedupe on `alert.id`.
 */
export async function deliverAlertWebhook(
  alert: AlertForWebhook & { webhookAttempts: number },
  target: WebhookTarget,
  policy: WebhookPolicy = DEFAULT_WEBHOOK_POLICY,
): Promise<WebhookDelivery> {
  const allowed = attemptsForRun(alert.webhookAttempts, policy);
  const body = JSON.stringify(alertWebhookPayload(alert));
  let attempts = 0;
  let lastError: string | null = null;
  let delivered = false;
  if (allowed > 0) {
    try {
      await pRetry(
        async () => {
          attempts += 1;
          const headers: Record<string, string> = {
            "content-type": "application/json",
            "user-agent": "Confer-Alerts/1",
            "x-confer-alert-id": alert.id,
            "x-confer-delivery-attempt": String(alert.webhookAttempts + attempts),
          };
          // Signed per attempt: the timestamp in the signature is the send time, so receivers can refuse replays.
          if (target.secret) headers[WEBHOOK_SIGNATURE_HEADER] = signWebhookBody(body, target.secret);
          const response = await fetch(target.url, { method: "POST", headers, body, signal: AbortSignal.timeout(policy.timeoutMs), redirect: "error" });
          await response.body?.cancel();
          if (response.ok) return;
          const error = new Error(`HTTP ${response.status}`);
          throw isRetryableStatus(response.status) ? error : new AbortError(error);
        },
        {
          retries: allowed - 1,
          minTimeout: policy.minDelayMs,
          factor: policy.factor,
          maxTimeout: policy.maxDelayMs,
          randomize: false,
          onFailedAttempt: ({ error }) => {
            lastError = describe(error);
          },
        },
      );
      delivered = true;
    } catch (error) {
      lastError = describe(error);
    }
  }
  const status: WebhookStatus = delivered ? "delivered" : "failed";
  await prisma.alert.update({ where: { id: alert.id }, data: { webhookStatus: status, webhookAttempts: { increment: attempts } } });
  if (!delivered) console.warn(`Alert webhook for ${alert.id} failed after ${attempts} attempt(s): ${lastError}`);
  return { alertId: alert.id, status, attempts: alert.webhookAttempts + attempts, lastError };
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
    return `${error.name === "TimeoutError" ? "timeout" : error.message}${cause}`;
  }
  return String(error);
}
