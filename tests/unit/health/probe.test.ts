import { afterEach, describe, expect, it, vi } from "vitest";
import { probe } from "@/lib/server/health/probe";

afterEach(() => vi.restoreAllMocks());

describe("probe", () => {
  it("reports a part that answers, with its latency", async () => {
    const result = await probe("database", async () => "pong");
    expect(result).toMatchObject({ ok: true });
    expect(result.error).toBeUndefined();
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it("says only 'unreachable' to the caller; the reason goes to the log", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await probe("database", async () => {
      throw new Error("password authentication failed for user \"confer\" at db.internal:5432");
    });
    expect(result).toMatchObject({ ok: false, error: "unreachable" });
    expect(JSON.stringify(result)).not.toContain("db.internal");
    expect(String(log.mock.calls[0]?.[1])).toContain("db.internal");
  });

  it("gives up after its timeout", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const result = await probe("PartyKit", () => new Promise(() => {}), 20);
    expect(result).toMatchObject({ ok: false, error: "timed out" });
  });
});
