/**
 * Pure rules for alert webhook delivery: the JSON body a receiver gets, the retry/backoff policy, and which
 * alerts are still due. The delivery use cases (lib/server/alerts/deliver-*.ts) do the I/O.
 */
export const ALERT_WEBHOOK_EVENT = "confer.alert.created";

/** Webhook state kept on the Alert row. null = no webhook was configured when the alert was raised. */
export type WebhookStatus = "pending" | "delivered" | "failed";

export type WebhookPolicy = {
  /** POST attempts within one evaluation run (1 + retries). */
  attemptsPerRun: number;
  /** Delay before the first retry; each further retry waits `factor` times longer, capped at maxDelayMs. */
  minDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Per-attempt time limit: a hanging receiver must not stall the evaluation run. */
  timeoutMs: number;
  /** Attempts over all runs; after this the alert stays "failed" and is not retried. */
  maxAttempts: number;
  /** An alert older than this is not (re)delivered: a receiver back after a day does not want yesterday's pages. */
  maxAgeMs: number;
};

export const DEFAULT_WEBHOOK_POLICY: WebhookPolicy = {
  attemptsPerRun: 3,
  minDelayMs: 500,
  factor: 2,
  maxDelayMs: 8_000,
  timeoutMs: 5_000,
  maxAttempts: 9,
  maxAgeMs: 24 * 3_600_000,
};

/**
 * The waits between attempts within one run, e.g. [500, 1000] for 3 attempts. The same numbers are handed to
 * p-retry (minTimeout, factor, maxTimeout, no randomization), so this is the schedule it follows.
 */
export function retryDelays(policy: Pick<WebhookPolicy, "attemptsPerRun" | "minDelayMs" | "factor" | "maxDelayMs">): number[] {
  return Array.from({ length: Math.max(0, policy.attemptsPerRun - 1) }, (_, retry) =>
    Math.min(policy.minDelayMs * policy.factor ** retry, policy.maxDelayMs),
  );
}

/** How many attempts this run may make, given those already spent in earlier runs. */
export function attemptsForRun(attemptsSoFar: number, policy: Pick<WebhookPolicy, "attemptsPerRun" | "maxAttempts">): number {
  return Math.max(0, Math.min(policy.attemptsPerRun, policy.maxAttempts - attemptsSoFar));
}

/** Whether the next run should (re)try this alert's delivery. */
export function isDeliveryDue(
  alert: { webhookStatus: string | null; webhookAttempts: number; createdAt: Date },
  now: Date,
  policy: Pick<WebhookPolicy, "maxAttempts" | "maxAgeMs">,
): boolean {
  if (alert.webhookStatus !== "pending" && alert.webhookStatus !== "failed") return false;
  return alert.webhookAttempts < policy.maxAttempts && now.getTime() - alert.createdAt.getTime() <= policy.maxAgeMs;
}

/** Whether an HTTP answer is worth retrying: server errors, timeouts and rate limits are; other 4xx are not. */
export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

export type AlertForWebhook = {
  id: string;
  rule: string;
  severity: "WARNING" | "CRITICAL";
  title: string;
  message: string;
  meetingId: string | null;
  data: unknown;
  createdAt: Date;
};

/** The documented JSON body (docs/analytics.md, "Alerts"). Stable across retries, so the signature is too. */
export type AlertWebhookPayload = {
  type: typeof ALERT_WEBHOOK_EVENT;
  alert: {
    id: string;
    rule: string;
    severity: "WARNING" | "CRITICAL";
    title: string;
    message: string;
    meetingId: string | null;
    /** Path of the post-call report on the Confer app, or null for fleet-wide alerts. */
    reportPath: string | null;
    data: unknown;
    createdAt: string;
  };
};

export function alertWebhookPayload(alert: AlertForWebhook): AlertWebhookPayload {
  return {
    type: ALERT_WEBHOOK_EVENT,
    alert: {
      id: alert.id,
      rule: alert.rule,
      severity: alert.severity,
      title: alert.title,
      message: alert.message,
      meetingId: alert.meetingId,
      reportPath: alert.meetingId ? `/admin/meetings/${encodeURIComponent(alert.meetingId)}` : null,
      data: alert.data ?? null,
      createdAt: alert.createdAt.toISOString(),
    },
  };
}
