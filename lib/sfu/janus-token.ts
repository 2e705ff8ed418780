import { createHmac, timingSafeEqual } from "node:crypto";

/** The plugin a Confer token opens: the videoroom only (Janus checks the list on every attach). */
export const VIDEOROOM_PLUGIN = "janus.plugin.videoroom";

export type JanusTokenOptions = { secret: string; ttlSeconds: number; plugins?: string[]; now?: Date };

const sign = (secret: string, data: string) => createHmac("sha1", secret).update(data).digest("base64");

/**
 * A Janus signed token (`token_auth_secret`): `"<expiry>,janus,<plugins>:" + base64(HMAC-SHA1(secret, …))`, the
 * format Janus's core verifies on every request, keepalives included, so a client renews it before `expiresAt`.
 */
export function mintJanusToken({ secret, ttlSeconds, plugins = [VIDEOROOM_PLUGIN], now = new Date() }: JanusTokenOptions): { token: string; expiresAt: Date } {
  const expiry = Math.floor(now.getTime() / 1000) + ttlSeconds;
  const data = `${expiry},janus,${plugins.join(",")}`;
  return { token: `${data}:${sign(secret, data)}`, expiresAt: new Date(expiry * 1000) };
}

/** Janus's own check, mirrored for the tests and for refusing a stale token before it reaches Janus. */
export function verifyJanusToken(token: string, secret: string, now = new Date()): { plugins: string[]; expiresAt: Date } | null {
  const separator = token.lastIndexOf(":");
  if (separator < 0) return null;
  const [data, signature] = [token.slice(0, separator), token.slice(separator + 1)];
  const [expiry, realm, ...plugins] = data.split(",");
  const expected = Buffer.from(sign(secret, data));
  const given = Buffer.from(signature);
  if (realm !== "janus" || expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const expiresAt = new Date(Number(expiry) * 1000);
  return Number.isFinite(expiresAt.getTime()) && expiresAt > now ? { plugins, expiresAt } : null;
}
