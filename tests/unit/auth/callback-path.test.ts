import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/callback-path";

describe("safeCallbackPath", () => {
  it("keeps a path on this app, with its query", () => {
    expect(safeCallbackPath("/rooms/abc?join=1")).toBe("/rooms/abc?join=1");
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
  ])("falls back to / for %s", (_, value) => {
    expect(safeCallbackPath(value)).toBe("/");
  });
});
