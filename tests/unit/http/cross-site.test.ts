import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "@/lib/server/http/cross-site";

const headers = (entries: Record<string, string>) => new Headers({ host: "confer.acme.example", ...entries });

describe("crossSiteRefusal", () => {
  it("lets safe methods through from anywhere", () => {
    expect(crossSiteRefusal("GET", headers({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }))).toBeNull();
    expect(crossSiteRefusal("head", headers({ "sec-fetch-site": "cross-site" }))).toBeNull();
  });

  it("trusts Sec-Fetch-Site: only same-origin (and the address bar) may change anything", () => {
    expect(crossSiteRefusal("POST", headers({ "sec-fetch-site": "same-origin" }))).toBeNull();
    expect(crossSiteRefusal("POST", headers({ "sec-fetch-site": "none" }))).toBeNull();
    expect(crossSiteRefusal("POST", headers({ "sec-fetch-site": "cross-site" }))).toMatch(/cross-site/);
    // A sibling host shares the site, and SameSite=Lax cookies go along: refused too.
    expect(crossSiteRefusal("DELETE", headers({ "sec-fetch-site": "same-site", origin: "https://wiki.acme.example" }))).toMatch(/same-site/);
  });

  it("falls back to Origin against the request's host when the browser sends no Sec-Fetch-Site", () => {
    expect(crossSiteRefusal("PATCH", headers({ origin: "https://confer.acme.example" }))).toBeNull();
    expect(crossSiteRefusal("PATCH", headers({ origin: "https://evil.example" }))).toMatch(/evil\.example/);
    expect(crossSiteRefusal("POST", headers({ origin: "null" }))).toMatch(/opaque/);
    expect(crossSiteRefusal("POST", new Headers({ origin: "https://confer.acme.example", "x-forwarded-host": "confer.acme.example", host: "10.0.0.5:3000" }))).toBeNull();
  });

  it("lets through requests no browser made (no Sec-Fetch-Site, no Origin)", () => {
    expect(crossSiteRefusal("POST", headers({}))).toBeNull();
  });
});
