const maxCallbackPathLength = 2_048;
const authPages = /^\/(signin|auth)(\/|\?|$)/;

/**
 * Where to send the user after sign-in: a path on this app only (never `//host` or `/\host`, which browsers
 * treat as another origin) and never a sign-in page itself, which would loop.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > maxCallbackPathLength) return "/";
  if (!value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  if (authPages.test(value)) return "/";
  return value;
}
