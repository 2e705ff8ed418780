import { encode } from "next-auth/jwt";

/** The routes a newcomer's first sign-in walks through, in the order they need them. */
const signInRoutes = ["/signin", "/api/auth/providers"];
const signedInRoutes = ["/", "/rooms/engineering-stand-up"];
const SESSION_COOKIE = "authjs.session-token";

/**
 * `next dev` compiles a route on its first request, which made a newcomer's first sign-in wait 15 s or more on a
 * cold machine. Requesting the sign-in page, the auth endpoints, the dashboard and a room page once, before the
 * stack says it is running, moves that wait into start-up. The signed-in pages are requested with a session made
 * for a user who does not exist: the compile is what counts, not what the page shows.
 */
export async function warmUpDevRoutes(appUrl: string, authSecret: string): Promise<number> {
  const started = performance.now();
  const token = await encode({
    token: { sub: "dev-warm-up", name: "Warm-up", email: null, role: "admin", groups: [] },
    secret: authSecret,
    salt: SESSION_COOKIE,
  });
  const fetchText = async (path: string, cookie?: string) => {
    try {
      const response = await fetch(new URL(path, appUrl), { headers: cookie ? { cookie } : {}, redirect: "manual" });
      return await response.text();
    } catch {
      // A page that fails here fails for the person too, with a clearer message in the dev server's log.
      return "";
    }
  };
  // The page's scripts and styles are compiled when the browser first asks for them: ask now.
  const request = async (path: string, cookie?: string) => {
    const html = await fetchText(path, cookie);
    const assets = new Set([...html.matchAll(/(?:src|href)="(\/_next\/static\/[^"]+)"/g)].map((match) => match[1]!));
    await Promise.all([...assets].map((asset) => fetchText(asset)));
  };
  await Promise.all([
    ...signInRoutes.map((path) => request(path)),
    ...signedInRoutes.map((path) => request(path, `${SESSION_COOKIE}=${token}`)),
  ]);
  return Math.round(performance.now() - started);
}
