import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_CLIENT_MESSAGE_BYTES, PROTOCOL_VERSION, parseClientMessage } from "@/lib/signaling";

const errorCode = (raw: string) => {
  const result = parseClientMessage(raw);
  return result.ok ? "ok" : result.error.code;
};

describe("parseClientMessage", () => {
  it("accepts every v1 client message", () => {
    expect(parseClientMessage(JSON.stringify({ type: "hello", v: PROTOCOL_VERSION }))).toEqual({
      ok: true,
      message: { type: "hello", v: 1 },
    });
    expect(parseClientMessage('{"type":"ping"}')).toEqual({ ok: true, message: { type: "ping" } });
  });

  it("drops fields the schema does not know", () => {
    expect(parseClientMessage('{"type":"ping","admin":true}')).toEqual({ ok: true, message: { type: "ping" } });
  });

  it.each(["{not json", "null", "42", '"hello"', "[]", '[{"type":"ping"}]', "{}", '{"type":7}'])(
    "calls %s an invalid message",
    (raw) => expect(errorCode(raw)).toBe("invalid_message"),
  );

  it("names the failing field of a known message", () => {
    const result = parseClientMessage('{"type":"hello","v":"1"}');
    expect(result).toMatchObject({ ok: false, error: { type: "error", code: "invalid_message" } });
    expect(!result.ok && result.error.message).toMatch(/^hello: v: /);
  });

  it("tells unknown types apart from malformed ones, without echoing them in full", () => {
    const result = parseClientMessage(JSON.stringify({ type: "x".repeat(1_000) }));
    expect(result).toMatchObject({ ok: false, error: { code: "unknown_type" } });
    expect(!result.ok && result.error.message.length).toBeLessThan(100);
    expect(errorCode('{"type":"offer"}')).toBe("unknown_type");
  });

  it("bounds the size in UTF-8 bytes, not characters", () => {
    const padded = (filler: string, count: number) => JSON.stringify({ type: "ping", pad: filler.repeat(count) });
    const overhead = padded("", 0).length;
    expect(errorCode(padded("a", MAX_CLIENT_MESSAGE_BYTES - overhead))).toBe("ok");
    expect(errorCode(padded("a", MAX_CLIENT_MESSAGE_BYTES - overhead + 1))).toBe("message_too_large");
    // 2 bytes per "é": 33,000 characters are 66,000 bytes.
    expect(errorCode(padded("é", 30_000))).toBe("ok");
    expect(errorCode(padded("é", 33_000))).toBe("message_too_large");
  });

  it("never throws, whatever arrives", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.string({ unit: "grapheme" })), (raw) => {
        const result = parseClientMessage(raw);
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});
