import { describe, expect, it } from "vitest";
import { appOrigin } from "@/lib/auth/app-origin";
import { endSessionUrl } from "@/lib/auth/end-session-url";

describe("endSessionUrl", () => {
  it("carries the ID token hint, the client id and where to come back to", () => {
    const url = new URL(
      endSessionUrl({
        endSessionEndpoint: "http://127.0.0.1:4000/session/end?tenant=x",
        clientId: "confer-dev",
        postLogoutRedirectUri: "http://localhost:3000/signin?signedOut=1",
        idToken: "header.payload.signature",
      }),
    );
    expect(url.origin + url.pathname).toBe("http://127.0.0.1:4000/session/end");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tenant: "x",
      id_token_hint: "header.payload.signature",
      client_id: "confer-dev",
      post_logout_redirect_uri: "http://localhost:3000/signin?signedOut=1",
    });
  });

  it("leaves the hint out when there is no ID token", () => {
    const url = endSessionUrl({ endSessionEndpoint: "https://idp/logout", clientId: "c", postLogoutRedirectUri: "https://app/" });
    expect(new URL(url).searchParams.has("id_token_hint")).toBe(false);
  });
});

describe("appOrigin", () => {
  it("prefers AUTH_URL", () => {
    expect(appOrigin(new Headers({ host: "internal:3000" }), "http:", "https://meet.example.com/api/auth")).toBe(
      "https://meet.example.com",
    );
  });

  it("uses the forwarded host and protocol behind a proxy", () => {
    const headers = new Headers({ host: "internal:3000", "x-forwarded-host": "meet.example.com", "x-forwarded-proto": "https" });
    expect(appOrigin(headers, "http:", undefined)).toBe("https://meet.example.com");
  });

  it("uses the Host header otherwise", () => {
    expect(appOrigin(new Headers({ host: "localhost:3000" }), "http:", undefined)).toBe("http://localhost:3000");
  });
});
