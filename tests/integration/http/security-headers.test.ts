import { describe, expect, it } from "vitest";
import { requireStackEnv } from "../../support/stack-env";

const appUrl = requireStackEnv("CONFER_APP_URL");

describe("security headers on the running app", () => {
  it.each([
    ["a page", "/signin"],
    ["an API route", "/api/health"],
    ["a page that redirects to sign-in", "/rooms"],
  ])("%s refuses framing, sniffing and cross-origin referrers, and keeps devices to this origin", async (_, path) => {
    const response = await fetch(`${appUrl}${path}`, { redirect: "manual" });
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const permissions = response.headers.get("permissions-policy") ?? "";
    for (const feature of ["camera=(self)", "microphone=(self)", "display-capture=(self)", "geolocation=()"]) expect(permissions).toContain(feature);
    // `next start` runs in production mode: browsers keep to HTTPS once they have seen the app over it.
    expect(response.headers.get("strict-transport-security")).toContain("max-age=");
  });
});
