import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

describe("safeCallbackPath", () => {
  it("keeps a path on this app, with its query", () => {
    expect(safeCallbackPath("/rooms/abc?join=1")).toBe("/rooms/abc?join=1");
  });

  it("keeps a hash and resolves dot segments as the browser will", () => {
    expect(safeCallbackPath("/meetings/m1#chat")).toBe("/meetings/m1#chat");
    expect(safeCallbackPath("/rooms/../meetings")).toBe("/meetings");
    // Encoded slashes stay a path on the app: browsers never read them as a host.
    expect(safeCallbackPath("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });

  it.each([
    ["an absolute URL", "https://evil.example/phish"],
    ["a protocol-relative URL", "//evil.example"],
    ["a backslash trick", "/\\evil.example"],
    ["a relative path", "rooms"],
    ["the sign-in page", "/signin?callbackUrl=/x"],
    ["an auth page", "/auth/refused"],
    ["a non-string", ["/a", "/b"]],
    ["nothing", undefined],
    ["an overlong path", `/${"a".repeat(3_000)}`],
    // Browsers drop tabs and newlines from URLs: both of these left the app in Chromium before.
    ["a tab before a second slash", "/\t/127.0.0.9:9"],
    ["a newline before a second slash", "/\n/evil.example"],
    ["a dot segment that leaves a protocol-relative path", "/.//evil.example"],
    ["a dot segment that leads to the sign-in page", "/rooms/../signin"],
  ])("falls back to / for %s", (_, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
});
