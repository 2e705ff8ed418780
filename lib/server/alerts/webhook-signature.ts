import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Alert webhook signature, Stripe-style: `X-Confer-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret,
 * "<t>.<body>")>`. The timestamp is inside the MAC so a receiver can refuse replays older than a few minutes.
 */
export const WEBHOOK_SIGNATURE_HEADER = "x-confer-signature";

const mac = (secret: string, timestamp: number, body: string) => createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex");

export function signWebhookBody(body: string, secret: string, now = new Date()): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${mac(secret, timestamp, body)}`;
}

/** What a receiver does (and the tests do): recompute the MAC, compare in constant time, check freshness. */
export function verifyWebhookSignature(header: string | null | undefined, body: string, secret: string, now = new Date(), toleranceSeconds = 300): boolean {
  const parts = new Map((header ?? "").split(",").map((part) => part.split("=", 2) as [string, string]));
  const timestamp = Number(parts.get("t"));
  const given = parts.get("v1");
  if (!Number.isInteger(timestamp) || !given || !/^[0-9a-f]{64}$/.test(given)) return false;
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) return false;
  return timingSafeEqual(Buffer.from(given, "hex"), Buffer.from(mac(secret, timestamp, body), "hex"));
}
