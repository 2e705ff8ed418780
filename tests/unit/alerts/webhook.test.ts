import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  ALERT_WEBHOOK_EVENT,
  alertWebhookPayload,
  attemptsForRun,
  DEFAULT_WEBHOOK_POLICY,
  isDeliveryDue,
  isRetryableStatus,
  retryDelays,
} from "@/lib/domain/alerts/webhook";
import { signWebhookBody, verifyWebhookSignature } from "@/lib/server/alerts/webhook-signature";

describe("webhook backoff schedule", () => {
  it("doubles from the minimum delay between attempts of one run", () => {
    expect(retryDelays(DEFAULT_WEBHOOK_POLICY)).toEqual([500, 1000]);
    expect(retryDelays({ attemptsPerRun: 6, minDelayMs: 500, factor: 2, maxDelayMs: 8_000 })).toEqual([500, 1000, 2000, 4000, 8000]);
  });

  it("caps each wait at the maximum delay and has none for a single attempt", () => {
    expect(retryDelays({ attemptsPerRun: 7, minDelayMs: 1000, factor: 3, maxDelayMs: 10_000 })).toEqual([1000, 3000, 9000, 10_000, 10_000, 10_000]);
    expect(retryDelays({ attemptsPerRun: 1, minDelayMs: 500, factor: 2, maxDelayMs: 8_000 })).toEqual([]);
  });

  it("spends at most maxAttempts over all runs", () => {
    const policy = { attemptsPerRun: 3, maxAttempts: 8 };
    expect([0, 3, 6, 8, 12].map((spent) => attemptsForRun(spent, policy))).toEqual([3, 3, 2, 0, 0]);
  });
});

describe("which alerts are due for delivery", () => {
  const now = new Date("2026-11-24T12:00:00Z");
  const alert = (webhookStatus: string | null, webhookAttempts = 0, ageMs = 60_000) => ({ webhookStatus, webhookAttempts, createdAt: new Date(now.getTime() - ageMs) });

  it("retries pending and failed alerts with attempts left", () => {
    expect(isDeliveryDue(alert("pending"), now, DEFAULT_WEBHOOK_POLICY)).toBe(true);
    expect(isDeliveryDue(alert("failed", 3), now, DEFAULT_WEBHOOK_POLICY)).toBe(true);
  });

  it("skips delivered, unconfigured, exhausted and stale alerts", () => {
    expect(isDeliveryDue(alert("delivered", 1), now, DEFAULT_WEBHOOK_POLICY)).toBe(false);
    expect(isDeliveryDue(alert(null), now, DEFAULT_WEBHOOK_POLICY)).toBe(false);
    expect(isDeliveryDue(alert("failed", DEFAULT_WEBHOOK_POLICY.maxAttempts), now, DEFAULT_WEBHOOK_POLICY)).toBe(false);
    expect(isDeliveryDue(alert("pending", 0, DEFAULT_WEBHOOK_POLICY.maxAgeMs + 1), now, DEFAULT_WEBHOOK_POLICY)).toBe(false);
  });

  it("retries server errors, timeouts and rate limits, not other client errors", () => {
    expect([500, 502, 503, 408, 429].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 410, 422].some(isRetryableStatus)).toBe(false);
  });
});

describe("webhook payload", () => {
  const createdAt = new Date("2026-11-24T12:34:56.789Z");

  it("carries the alert and a link path to the meeting report", () => {
    const payload = alertWebhookPayload({
      id: "alert1",
      rule: "live-meeting-degraded",
      severity: "WARNING",
      title: "3 participants degraded",
      message: "3 of 4 …",
      meetingId: "meeting/1",
      data: { degraded: ["a", "b", "c"] },
      createdAt,
    });
    expect(payload).toEqual({
      type: ALERT_WEBHOOK_EVENT,
      alert: {
        id: "alert1",
        rule: "live-meeting-degraded",
        severity: "WARNING",
        title: "3 participants degraded",
        message: "3 of 4 …",
        meetingId: "meeting/1",
        reportPath: "/admin/meetings/meeting%2F1",
        data: { degraded: ["a", "b", "c"] },
        createdAt: "2026-11-24T12:34:56.789Z",
      },
    });
  });

  it("has no report path for fleet-wide alerts", () => {
    const payload = alertWebhookPayload({ id: "a", rule: "fleet-poor-quality", severity: "CRITICAL", title: "t", message: "m", meetingId: null, data: null, createdAt });
    expect(payload.alert.reportPath).toBeNull();
    expect(payload.alert.data).toBeNull();
  });
});

describe("webhook signature", () => {
  const secret = "s3cret-s3cret-s3cret";
  const body = JSON.stringify({ type: ALERT_WEBHOOK_EVENT, alert: { id: "x" } });
  const now = new Date("2026-11-24T12:00:00Z");

  it("is HMAC-SHA256 over '<unix seconds>.<body>'", () => {
    const header = signWebhookBody(body, secret, now);
    const t = now.getTime() / 1000;
    expect(header).toBe(`t=${t},v1=${createHmac("sha256", secret).update(`${t}.${body}`).digest("hex")}`);
    expect(verifyWebhookSignature(header, body, secret, now)).toBe(true);
  });

  it("fails for another body, another secret, a stale timestamp or a malformed header", () => {
    const header = signWebhookBody(body, secret, now);
    expect(verifyWebhookSignature(header, `${body} `, secret, now)).toBe(false);
    expect(verifyWebhookSignature(header, body, `${secret}!`, now)).toBe(false);
    expect(verifyWebhookSignature(header, body, secret, new Date(now.getTime() + 301_000))).toBe(false);
    expect(verifyWebhookSignature(header, body, secret, new Date(now.getTime() + 299_000))).toBe(true);
    expect(verifyWebhookSignature("v1=abc", body, secret, now)).toBe(false);
    expect(verifyWebhookSignature(null, body, secret, now)).toBe(false);
    expect(verifyWebhookSignature(header.replace(/v1=./, "v1=g"), body, secret, now)).toBe(false);
  });
});
