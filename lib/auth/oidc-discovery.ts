import "server-only";
import { z } from "zod";

const discoverySchema = z.object({
  issuer: z.string(),
  userinfo_endpoint: z.url().optional(),
  end_session_endpoint: z.url().optional(),
  scopes_supported: z.array(z.string()).optional(),
});

export type OidcDiscovery = z.infer<typeof discoverySchema>;

const successTtlMs = 60 * 60 * 1_000;
// Short, so an IdP outage costs one slow request every half minute rather than one per request.
const failureTtlMs = 30 * 1_000;
const fetchTimeoutMs = 3_000;

let cached: { issuer: string; expiresAt: number; discovery: OidcDiscovery | null } | undefined;

async function fetchDiscovery(issuer: string): Promise<OidcDiscovery | null> {
  try {
    const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(fetchTimeoutMs),
      headers: { accept: "application/json" },
    });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return discoverySchema.parse(await response.json());
  } catch (error) {
    console.error(`OIDC discovery for ${issuer} failed:`, error instanceof Error ? error.message : error);
    return null;
  }
}

/** The IdP's discovery document (cached), or null while it cannot be fetched. */
export async function oidcDiscovery(issuer: string): Promise<OidcDiscovery | null> {
  if (cached?.issuer === issuer && cached.expiresAt > Date.now()) return cached.discovery;
  const discovery = await fetchDiscovery(issuer);
  cached = { issuer, discovery, expiresAt: Date.now() + (discovery ? successTtlMs : failureTtlMs) };
  return discovery;
}
