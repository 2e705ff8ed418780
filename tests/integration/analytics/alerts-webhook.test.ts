import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { hourWindow } from "@/lib/domain/alerts/rules";
import { ALERT_WEBHOOK_EVENT, DEFAULT_WEBHOOK_POLICY, type AlertWebhookPayload, type WebhookPolicy } from "@/lib/domain/alerts/webhook";
import { deliverAlertWebhook } from "@/lib/server/alerts/deliver-alert-webhook";
import { deliverPendingAlerts } from "@/lib/server/alerts/deliver-pending-alerts";
import { evaluateAlerts } from "@/lib/server/alerts/evaluate-alerts";
import { verifyWebhookSignature } from "@/lib/server/alerts/webhook-signature";

/*
 * The test stack's Next.js starts with a fixed environment and no ALERT_WEBHOOK_URL, so these tests run the
 * delivery use cases in the test process itself — against the stack's real database and a real HTTP receiver
 * on an ephemeral port — passing the receiver's URL and secret as the target, exactly what `runAlerts` passes
 * from the environment. The HTTP path to the use cases is covered by alerts-evaluate.test.ts.
 */

type Received = { alertId: string; attempt: number; signature: string | undefined; body: string; at: number };
type Answer = "ok" | "fail" | "reject" | "hang";

const secret = `whsec-${randomUUID()}`;
const received: Received[] = [];
/** Per alert id, what the receiver answers to its n-th request (1-based); default "ok". */
const plans = new Map<string, (n: number) => Answer>();
const createdIds: string[] = [];
let server: Server;
let url: string;

function handle(request: IncomingMessage, response: ServerResponse) {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const alertId = String(request.headers["x-confer-alert-id"]);
    const body = Buffer.concat(chunks).toString("utf8");
    const n = received.filter((r) => r.alertId === alertId).length + 1;
    received.push({ alertId, attempt: Number(request.headers["x-confer-delivery-attempt"]), signature: request.headers["x-confer-signature"] as string | undefined, body, at: performance.now() });
    const answer = plans.get(alertId)?.(n) ?? "ok";
    if (answer === "hang") return; // never answers: the sender's per-attempt timeout must fire
    response.writeHead(answer === "ok" ? 204 : answer === "reject" ? 400 : 503).end();
  });
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/confer`;
});

afterEach(async () => {
  await prisma.alert.deleteMany({ where: { id: { in: createdIds.splice(0) } } });
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function pendingAlert(label: string) {
  const alert = await prisma.alert.create({
    data: {
      rule: "live-meeting-degraded",
      severity: "CRITICAL",
      title: `Webhook ${label}`,
      message: "3 of 3 participants had poor or lost quality.",
      meetingId: `wh-${randomUUID()}`,
      data: { participants: 3 },
      dedupeKey: `test-webhook:${label}:${randomUUID()}`,
      webhookStatus: "pending",
    },
  });
  createdIds.push(alert.id);
  return alert;
}

const fast: WebhookPolicy = { ...DEFAULT_WEBHOOK_POLICY, minDelayMs: 50, maxDelayMs: 200 };
const ofAlert = (id: string) => received.filter((r) => r.alertId === id);

describe("alert webhook delivery", { timeout: 30_000 }, () => {
  it("retries with exponential backoff until the receiver succeeds, signs every attempt, and records the result", async () => {
    const alert = await pendingAlert("backoff");
    plans.set(alert.id, (n) => (n <= 2 ? "fail" : "ok"));
    const result = await deliverAlertWebhook(alert, { url, secret }); // default policy: waits 500 ms, then 1000 ms
    expect(result).toMatchObject({ status: "delivered", attempts: 3 });
    const stored = await prisma.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(stored).toMatchObject({ webhookStatus: "delivered", webhookAttempts: 3 });

    const requests = ofAlert(alert.id);
    expect(requests.map((r) => r.attempt)).toEqual([1, 2, 3]);
    const [first, second, third] = requests.map((r) => r.at);
    expect(second! - first!).toBeGreaterThanOrEqual(450);
    expect(third! - second!).toBeGreaterThanOrEqual(950);
    for (const request of requests) {
      expect(verifyWebhookSignature(request.signature, request.body, secret)).toBe(true);
      expect(verifyWebhookSignature(request.signature, request.body, `${secret}-other`)).toBe(false);
    }
    const payload = JSON.parse(requests[0]!.body) as AlertWebhookPayload;
    expect(payload).toEqual({
      type: ALERT_WEBHOOK_EVENT,
      alert: {
        id: alert.id,
        rule: "live-meeting-degraded",
        severity: "CRITICAL",
        title: "Webhook backoff",
        message: alert.message,
        meetingId: alert.meetingId,
        reportPath: `/admin/meetings/${alert.meetingId}`,
        data: { participants: 3 },
        createdAt: alert.createdAt.toISOString(),
      },
    });
  });

  it("marks a run's failure 'failed', retries it on the next run, and stops after maxAttempts", async () => {
    const flaky = await pendingAlert("next-run");
    plans.set(flaky.id, (n) => (n <= 4 ? "fail" : "ok"));
    const down = await pendingAlert("always-down");
    plans.set(down.id, () => "fail");

    const run1 = await deliverPendingAlerts({ url, secret }, new Date(), fast);
    expect(run1.find((d) => d.alertId === flaky.id)).toMatchObject({ status: "failed", attempts: 3 });
    expect(run1.find((d) => d.alertId === down.id)).toMatchObject({ status: "failed", attempts: 3 });
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: flaky.id } })).toMatchObject({ webhookStatus: "failed", webhookAttempts: 3 });

    const run2 = await deliverPendingAlerts({ url, secret }, new Date(), fast);
    expect(run2.find((d) => d.alertId === flaky.id)).toMatchObject({ status: "delivered", attempts: 5 });
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: flaky.id } })).toMatchObject({ webhookStatus: "delivered", webhookAttempts: 5 });
    expect(ofAlert(flaky.id).map((r) => r.attempt)).toEqual([1, 2, 3, 4, 5]);

    await deliverPendingAlerts({ url, secret }, new Date(), fast);
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: down.id } })).toMatchObject({ webhookStatus: "failed", webhookAttempts: 9 });
    // Exhausted: a further run neither posts it nor changes it; the delivered one is not sent again either.
    const run4 = await deliverPendingAlerts({ url, secret }, new Date(), fast);
    expect(run4.map((d) => d.alertId)).not.toContain(down.id);
    expect(run4.map((d) => d.alertId)).not.toContain(flaky.id);
    expect(ofAlert(down.id)).toHaveLength(9);
    expect(ofAlert(flaky.id)).toHaveLength(5);
  });

  it("times out a hanging receiver, and gives up a run at once on a non-retryable 4xx", async () => {
    const slow = await pendingAlert("hang");
    plans.set(slow.id, (n) => (n === 1 ? "hang" : "ok"));
    const started = performance.now();
    expect(await deliverAlertWebhook(slow, { url, secret }, { ...fast, timeoutMs: 300 })).toMatchObject({ status: "delivered", attempts: 2 });
    expect(performance.now() - started).toBeLessThan(5_000);

    const rejected = await pendingAlert("reject");
    plans.set(rejected.id, () => "reject");
    expect(await deliverAlertWebhook(rejected, { url, secret }, fast)).toMatchObject({ status: "failed", attempts: 1, lastError: "HTTP 400" });
    expect(await prisma.alert.findUniqueOrThrow({ where: { id: rejected.id } })).toMatchObject({ webhookStatus: "failed", webhookAttempts: 1 });
  });

  it("sends no signature header without a secret", async () => {
    const alert = await pendingAlert("unsigned");
    expect(await deliverAlertWebhook(alert, { url }, fast)).toMatchObject({ status: "delivered", attempts: 1 });
    expect(ofAlert(alert.id)[0]?.signature).toBeUndefined();
  });

  it("marks alerts raised while a webhook is configured 'pending' and delivers them", async () => {
    // A private hour long ago so the fleet rule sees only this test's meetings.
    const now = new Date(Date.UTC(1980, 0, 1) + Math.floor(Math.random() * 3000) * 86_400_000 + 30 * 60_000);
    const meetingId = `wh-fleet-${randomUUID()}`;
    await prisma.meeting.create({
      data: {
        id: meetingId,
        title: "Webhook fleet",
        startedAt: new Date(now.getTime() - 20 * 60_000),
        endedAt: now,
        meetingMinutes: { create: { minute: new Date(now.getTime() - 5 * 60_000), samples: 10, poorSamples: 10, scoreSum: 10, lossPctSum: 0, rttMsSum: 0, jitterMsSum: 0, participants: 2 } },
      },
    });
    try {
      const [candidate] = await evaluateAlerts(now, { webhook: true });
      expect(candidate?.dedupeKey).toBe(`fleet-poor-quality:all:${hourWindow(now)}`);
      const alert = await prisma.alert.findUniqueOrThrow({ where: { dedupeKey: candidate!.dedupeKey } });
      createdIds.push(alert.id);
      expect(alert).toMatchObject({ webhookStatus: "pending", webhookAttempts: 0, severity: "CRITICAL" });
      // deliverPendingAlerts only takes alerts younger than maxAgeMs by row creation time (now), not rule time.
      const deliveries = await deliverPendingAlerts({ url, secret }, new Date(), fast);
      expect(deliveries.find((d) => d.alertId === alert.id)).toMatchObject({ status: "delivered", attempts: 1 });
      const payload = JSON.parse(ofAlert(alert.id)[0]!.body) as AlertWebhookPayload;
      expect(payload.alert).toMatchObject({ rule: "fleet-poor-quality", meetingId: null, reportPath: null, data: { poor: 1, total: 1, share: 1 } });
    } finally {
      await prisma.meeting.deleteMany({ where: { id: meetingId } });
    }
  });
});
