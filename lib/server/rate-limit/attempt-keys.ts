/** Whose failures an LDAP sign-in counts against: the account as typed and the client's address. */
export type SignInAttemptKeys = { account: string; address: string };

/**
 * The account key is the username as the directory compares it (trimmed, case-insensitive), whether or not such an
 * account exists, so a lockout says nothing about which accounts exist. The address is the last
 * `X-Forwarded-For` entry: the one the nearest proxy (the load balancer, or Next.js itself, which sets the header
 * from the socket when it is absent) vouches for; entries before it are whatever the client wrote.
 */
export function signInAttemptKeys(username: string, headers: Headers): SignInAttemptKeys {
  const forwarded = headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
  return { account: username.trim().toLowerCase(), address: forwarded || "unknown" };
}
