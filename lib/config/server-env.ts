import { z } from "zod";

const list = z
  .string()
  .optional()
  .transform((value) =>
    (value ?? "")
      .split(",")
      .map((item) => item.trim())
      .filter(Boolean),
  );

const serverEnvSchema = z.object({
  DATABASE_URL: z.string().min(1),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters"),
  ORG_NAME: z.string().default("Confer"),

  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().optional(),
  OIDC_CLIENT_SECRET: z.string().optional(),
  OIDC_DISPLAY_NAME: z.string().default("Single sign-on"),
  OIDC_GROUPS_CLAIM: z.string().default("groups"),
  /**
   * Space-separated scopes to request. Unset: `openid profile email`, plus `groups` when the IdP's discovery
   * document advertises it (Okta, the dev IdP); Google and Entra ID reject unknown scopes.
   */
  OIDC_SCOPES: z.string().optional(),

  LDAP_URL: z.string().optional(),
  LDAP_DISPLAY_NAME: z.string().default("Directory (LDAP)"),
  /** Service account used to find the user's entry; empty means search anonymously. */
  LDAP_BIND_DN: z.string().optional(),
  LDAP_BIND_PASSWORD: z.string().optional(),
  LDAP_USER_BASE_DN: z.string().optional(),
  /** `{{username}}` is replaced by the escaped login name. */
  LDAP_USER_FILTER: z
    .string()
    .default("(uid={{username}})")
    .refine((filter) => filter.includes("{{username}}"), "LDAP_USER_FILTER must contain {{username}}"),
  LDAP_GROUP_BASE_DN: z.string().optional(),
  /** Attribute of a group entry listing member DNs (groupOfNames: member; AD: member). */
  LDAP_GROUP_MEMBER_ATTRIBUTE: z.string().default("member"),

  /** Directory groups whose members are Confer admins. */
  AUTH_ADMIN_GROUPS: list,
  /**
   * Directory groups allowed to use Confer at all (admins are always allowed). `*` admits every account the
   * directory vouches for; empty admits admins only.
   */
  AUTH_ALLOWED_GROUPS: list,

  /** Shared secret between Next.js and PartyKit for join tokens and server-to-server calls. */
  PARTY_SECRET: z.string().min(32, "PARTY_SECRET must be at least 32 characters"),
  /** PartyKit base URL as Next.js reaches it (health, server-to-server). */
  PARTYKIT_URL: z.url(),
  /** PartyKit host as browsers reach it (host[:port]); defaults to PARTYKIT_URL's host. */
  PARTYKIT_PUBLIC_HOST: z.string().optional(),

  STUN_URLS: list,
  TURN_URLS: list,
  TURN_SECRET: z.string().optional(),
  TURN_CREDENTIAL_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(3_600),

  /** Janus instances for large meetings (WebSocket API URLs as the app server reaches them); empty: mesh only. */
  JANUS_URLS: list,
  /** Janus's `token_auth_secret`: the app signs the tokens every Janus request carries (lib/sfu/janus-token.ts). */
  JANUS_TOKEN_SECRET: z.string().min(32, "JANUS_TOKEN_SECRET must be at least 32 characters").optional(),
  /** The videoroom plugin's `admin_key`: only the app server creates and destroys rooms. */
  JANUS_ADMIN_KEY: z.string().min(32, "JANUS_ADMIN_KEY must be at least 32 characters").optional(),
  JANUS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(86_400).default(600),
  /**
   * `relay` makes every browser send its media through the TURN servers only (RTCConfiguration.iceTransportPolicy):
   * for networks that must not reveal client addresses to peers or that let calls out through TURN alone.
   */
  ICE_TRANSPORT_POLICY: z.enum(["all", "relay"]).default("all"),
  /**
   * Where files (chat attachments, later recordings) are kept: `local` writes under FILE_STORAGE_DIR; `s3` uses
   * an S3-compatible bucket (AWS S3, MinIO, Ceph, R2) through the S3_* settings.
   */
  FILE_STORAGE: z.enum(["local", "s3"]).default("local"),
  FILE_STORAGE_DIR: z.string().min(1).default(".data/files"),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().min(3).max(63).optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Path-style URLs (`endpoint/bucket/key`), which MinIO, Ceph and most self-hosted servers need. */
  S3_FORCE_PATH_STYLE: z.stringbool().default(true),
  /** Largest chat attachment in bytes (default 25 MiB). */
  FILE_UPLOAD_MAX_BYTES: z.coerce.number().int().min(1).max(2 ** 31).default(25 * 1024 * 1024),
  /** Detected types refused on upload, comma-separated (default: executables and installers). */
  FILE_UPLOAD_BLOCKED_TYPES: list,
  /** clamd's socket (`/run/clamav/clamd.ctl` or `tcp://host:3310`): when set, every upload is scanned first. */
  CLAMAV_SOCKET: z.string().min(1).optional(),
  /** Days chat messages and their files are kept after the meeting; unset keeps them. */
  CHAT_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).optional(),
  /** Days raw quality samples are kept (per-minute rollups and detected issues stay). */
  ANALYTICS_RAW_RETENTION_DAYS: z.coerce.number().int().min(1).max(3_650).default(30),
  /** Scales every rate limit (lib/server/rate-limit/limits.ts); only load tests raise it. */
  RATE_LIMIT_MULTIPLIER: z.coerce.number().min(1).max(1_000).default(1),
  /** Bearer secret for POST /api/internal/alerts/evaluate (the scheduler); unset disables the route. */
  ALERTS_SECRET: z.string().min(32, "ALERTS_SECRET must be at least 32 characters").optional(),
  /** Bearer secret for POST /api/internal/cleanup (the room-expiry cron hook); unset disables the route. */
  CLEANUP_SECRET: z.string().min(32, "CLEANUP_SECRET must be at least 32 characters").optional(),
  /** Optional webhook that receives new alerts as JSON (docs/analytics.md, "Alerts"). */
  ALERT_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** When set, each webhook POST carries `X-Confer-Signature` (HMAC-SHA256 of timestamp + body with this secret). */
  ALERT_WEBHOOK_SECRET: z.string().min(16, "ALERT_WEBHOOK_SECRET must be at least 16 characters").optional(),
}).superRefine((env, context) => {
  // A sign-in method that is switched on but half configured should fail at start, not at a user's first sign-in.
  const companions: [keyof typeof env, (keyof typeof env)[]][] = [
    ["OIDC_ISSUER", ["OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET"]],
    ["LDAP_URL", ["LDAP_USER_BASE_DN"]],
    ["LDAP_BIND_DN", ["LDAP_BIND_PASSWORD"]],
  ];
  if (env.JANUS_URLS.length > 0) {
    for (const name of (["JANUS_TOKEN_SECRET", "JANUS_ADMIN_KEY"] as const).filter((companion) => !env[companion])) {
      context.addIssue({ code: "custom", path: [name], message: `${name} is required when JANUS_URLS is set` });
    }
  }
  if (env.FILE_STORAGE === "s3") {
    for (const name of (["S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"] as const).filter((companion) => !env[companion])) {
      context.addIssue({ code: "custom", path: [name], message: `${name} is required when FILE_STORAGE is s3` });
    }
  }
  for (const [setting, required] of companions) {
    if (!env[setting]) continue;
    for (const name of required.filter((companion) => !env[companion])) {
      context.addIssue({ code: "custom", path: [name], message: `${name} is required when ${setting} is set` });
    }
  }
});

export type ServerEnv = z.infer<typeof serverEnvSchema>;

let cached: ServerEnv | undefined;

/** Reads and validates the server's configuration once; a bad value fails loudly with every problem listed. */
export function serverEnv(): ServerEnv {
  if (cached) return cached;
  const parsed = serverEnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`).join("\n");
    throw new Error(`Confer is misconfigured:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}
