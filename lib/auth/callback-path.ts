const maxCallbackPathLength = 2_048;
const authPages = /^\/(signin|auth)(\/|\?|#|$)/;
/** Stands in for the app's origin: only whether a value stays on it matters, not which origin it is. */
const appOrigin = "http://app.confer.invalid";

/**
 * Where to send the user after sign-in: a path on this app only, and never a sign-in page itself, which would
 * loop. The value is resolved the way a browser resolves it (tabs and newlines dropped, backslashes as slashes,
 * dot segments) and kept only if it stays on the app's origin; matching strings instead let `/\t/host` through.
 */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length > maxCallbackPathLength || !value.startsWith("/")) return "/";
  let url: URL;
  try {
    url = new URL(value, appOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== appOrigin) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//host` resolves to the path `//host`, which a browser would read as another origin.
  if (path.startsWith("//") || authPages.test(path)) return "/";
  return path;
}
