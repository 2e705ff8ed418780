import { NextResponse, type NextRequest } from "next/server";
import { auth } from "@/lib/auth/auth";
import { routeAccess } from "@/lib/auth/route-access";

/** Every route needs a session except sign-in, auth endpoints, health and static assets (see route-access.ts). */
export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // Not `auth((request) => …)`: with the lazily built config (lib/auth/auth.ts) that wrapper is a promise,
  // which Next.js rejects as a proxy export.
  const session = await auth();
  switch (routeAccess(pathname, Boolean(session?.user?.id))) {
    case "allow":
      return NextResponse.next();
    case "reject-api":
      return NextResponse.json({ error: { code: "unauthorized", message: "Sign in first." } }, { status: 401 });
    case "redirect-to-signin": {
      const signInUrl = new URL("/signin", request.nextUrl);
      signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
      return NextResponse.redirect(signInUrl);
    }
  }
}

export const config = {
  // Next's build output never needs a session; skipping it here saves a session lookup per asset. Uploads (chat
  // files, recordings over tus) skip the proxy because it would buffer their bodies in memory; their route handlers
  // check the session themselves.
  matcher: ["/((?!_next/static|_next/image|api/uploads/|api/recordings/upload).*)"],
};
