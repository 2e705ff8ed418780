import { describe, expect, it } from "vitest";
import { requestedRange } from "@/lib/server/files/byte-range";

describe("requestedRange", () => {
  it("is null without a header, and for a malformed one (the whole file is sent)", () => {
    expect(requestedRange(null, 100)).toBeNull();
    expect(requestedRange("bytes=abc", 100)).toBeNull();
    expect(requestedRange("items=0-5", 100)).toBeNull();
  });

  it("reads start-end, open-ended and suffix ranges, clamped to the file", () => {
    expect(requestedRange("bytes=0-9", 100)).toEqual({ start: 0, end: 9 });
    expect(requestedRange("bytes=90-", 100)).toEqual({ start: 90, end: 99 });
    expect(requestedRange("bytes=-10", 100)).toEqual({ start: 90, end: 99 });
    expect(requestedRange("bytes=95-200", 100)).toEqual({ start: 95, end: 99 });
  });

  it("answers several ranges with the whole file, and merges overlapping ones", () => {
    expect(requestedRange("bytes=0-9,50-59", 100)).toBeNull();
    expect(requestedRange("bytes=0-9,5-19", 100)).toEqual({ start: 0, end: 19 });
  });

  it("says unsatisfiable for a range past the end", () => {
    expect(requestedRange("bytes=100-", 100)).toBe("unsatisfiable");
    expect(requestedRange("bytes=200-300", 100)).toBe("unsatisfiable");
  });
});
