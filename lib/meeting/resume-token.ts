/**
 * Resume tokens: 32 random bytes, base64url. The room keeps only their SHA-256, so stored state (or a log of it)
 * never holds a credential that could reclaim someone's seat. Web Crypto only: this runs in workerd and Node.
 */

function base64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replaceAll("+", "-").replaceAll("/", "_").replace(/=+$/, "");
}

export async function hashResumeToken(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

export async function issueResumeToken(): Promise<{ token: string; hash: string }> {
  const token = base64Url(crypto.getRandomValues(new Uint8Array(32)));
  return { token, hash: await hashResumeToken(token) };
}
