import { describe, expect, it } from "vitest";
import { routeAccess } from "@/lib/auth/route-access";

describe("routeAccess", () => {
  it.each(["/signin", "/auth/refused", "/auth/signout", "/api/auth/session", "/api/auth/callback/oidc", "/api/health", "/branding/logo"])(
    "lets %s through without a session",
    (path) => expect(routeAccess(path, false)).toBe("allow"),
  );

  it.each(["/_next/static/chunks/app.js", "/favicon.ico", "/robots.txt", "/logo.svg", "/models/selfie.tflite"])(
    "lets the asset %s through without a session",
    (path) => expect(routeAccess(path, false)).toBe("allow"),
  );

  it.each(["/", "/rooms/abc", "/admin", "/signinx", "/authority"])("sends %s to sign-in without a session", (path) => {
    expect(routeAccess(path, false)).toBe("redirect-to-signin");
  });

  it.each(["/api/rooms", "/api/rooms/abc/join", "/api", "/api/healthz", "/api/rooms/export.png"])(
    "answers 401 for the API path %s without a session",
    (path) => expect(routeAccess(path, false)).toBe("reject-api"),
  );

  it("lets everything through with a session", () => {
    expect(routeAccess("/rooms/abc", true)).toBe("allow");
    expect(routeAccess("/api/rooms", true)).toBe("allow");
  });
});
