import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MAX_ATTACHMENT_TICKET_LENGTH, MAX_CHAT_ATTACHMENTS, MAX_CHAT_TEXT_LENGTH, MAX_CLIENT_MESSAGE_BYTES, PROTOCOL_VERSION, parseClientMessage, type ClientMessage } from "@/lib/signaling";

const errorCode = (raw: string | object) => {
  const result = parseClientMessage(typeof raw === "string" ? raw : JSON.stringify(raw));
  return result.ok ? "ok" : result.error.code;
};

const candidate = { candidate: "candidate:1 1 udp 2122260223 192.0.2.1 54321 typ host", sdpMid: "0", sdpMLineIndex: 0, usernameFragment: "abcd" };
const summary = { lossPct: 1.5, rttMs: 40, jitterMs: 3, bitrateInKbps: 900, bitrateOutKbps: null };
const attachment = { ticket: "eyJhbGciOiJIUzI1NiJ9.e30.sig" };

describe("parseClientMessage", () => {
  it.each<ClientMessage>([
    { type: "hello", v: PROTOCOL_VERSION },
    { type: "hello", v: PROTOCOL_VERSION, resume: "A".repeat(43) },
    { type: "ping" },
    { type: "leave" },
    { type: "signal", to: "p-1", payload: { kind: "candidate", candidate } },
    { type: "signal", to: "p-1", payload: { kind: "description", description: { type: "offer", sdp: "v=0\r\n" } } },
    { type: "signal", to: "p-1", payload: { kind: "end-of-candidates" } },
    { type: "signal", to: "p-1", payload: { kind: "receive-preference", cameraKbps: 150 } },
    { type: "signal", to: "p-1", payload: { kind: "receive-preference", cameraKbps: null } },
    { type: "chat", text: "**hi**" },
    { type: "chat", text: "", attachments: [attachment] },
    { type: "media", audio: true, video: false, screen: false },
    { type: "hand", raised: true },
    { type: "reaction", emoji: "👏" },
    { type: "quality", level: "good", summary },
    { type: "mute", participantId: "p-1" },
    { type: "remove", participantId: "p-1" },
    { type: "end" },
    { type: "lock", locked: true },
    { type: "spotlight", participantId: null },
    { type: "spotlight", participantId: "p-1" },
    { type: "set-role", participantId: "p-1", role: "presenter" },
    { type: "admit", participantId: "p-1" },
    { type: "admit", all: true },
    { type: "deny", participantId: "p-1" },
  ])("accepts $type", (message) => {
    expect(parseClientMessage(JSON.stringify(message))).toEqual({ ok: true, message });
  });

  it("drops fields the schema does not know", () => {
    expect(parseClientMessage('{"type":"ping","admin":true}')).toEqual({ ok: true, message: { type: "ping" } });
    expect(parseClientMessage('{"type":"end","force":true}')).toEqual({ ok: true, message: { type: "end" } });
  });

  it.each(["{not json", "null", "42", '"hello"', "[]", '[{"type":"ping"}]', "{}", '{"type":7}'])(
    "calls %s an invalid message",
    (raw) => expect(errorCode(raw)).toBe("invalid_message"),
  );

  it.each<[string, object]>([
    ["a resume token of the wrong shape", { type: "hello", v: 2, resume: "short" }],
    ["a signal without a target", { type: "signal", payload: { kind: "end-of-candidates" } }],
    ["a receive preference below the floor", { type: "signal", to: "p-1", payload: { kind: "receive-preference", cameraKbps: 1 } }],
    ["a receive preference without its cap", { type: "signal", to: "p-1", payload: { kind: "receive-preference" } }],
    ["a signal with an oversized target id", { type: "signal", to: "p".repeat(65), payload: { kind: "end-of-candidates" } }],
    ["a signal payload of an unknown kind", { type: "signal", to: "p-1", payload: { kind: "rollback" } }],
    ["a pranswer, which never travels", { type: "signal", to: "p-1", payload: { kind: "description", description: { type: "pranswer", sdp: "v=0" } } }],
    ["an oversized candidate", { type: "signal", to: "p-1", payload: { kind: "candidate", candidate: { ...candidate, candidate: "c".repeat(1025) } } }],
    ["blank chat", { type: "chat", text: "  \n " }],
    ["chat over 4000 characters", { type: "chat", text: "x".repeat(MAX_CHAT_TEXT_LENGTH + 1) }],
    ["an attachment described instead of ticketed", { type: "chat", text: "x", attachments: [{ name: "x", size: 1, mimeType: "text/html", url: "/api/files/x" }] }],
    ["an empty attachment ticket", { type: "chat", text: "x", attachments: [{ ticket: "" }] }],
    ["an oversized attachment ticket", { type: "chat", text: "x", attachments: [{ ticket: "t".repeat(MAX_ATTACHMENT_TICKET_LENGTH + 1) }] }],
    ["eleven attachments", { type: "chat", text: "x", attachments: Array.from({ length: MAX_CHAT_ATTACHMENTS + 1 }, () => attachment) }],
    ["media with a missing flag", { type: "media", audio: true, video: false }],
    ["media flags as strings", { type: "media", audio: "true", video: false, screen: false }],
    ["an emoji outside the set", { type: "reaction", emoji: "💩" }],
    ["free text as a reaction", { type: "reaction", emoji: "<b>hi</b>" }],
    ["an unknown quality level", { type: "quality", level: "great", summary }],
    ["loss over 100 %", { type: "quality", level: "poor", summary: { ...summary, lossPct: 150 } }],
    ["a negative round trip", { type: "quality", level: "poor", summary: { ...summary, rttMs: -1 } }],
    ["a missing summary figure", { type: "quality", level: "poor", summary: { lossPct: 1 } }],
    ["lock without a flag", { type: "lock" }],
    ["mute without a target", { type: "mute" }],
    ["a role that does not exist", { type: "set-role", participantId: "p-1", role: "admin" }],
    ["set-role without a role", { type: "set-role", participantId: "p-1" }],
    ["admit with neither a target nor all", { type: "admit" }],
    ["admit with both a target and all", { type: "admit", participantId: "p-1", all: true }],
    ["admit with all: false", { type: "admit", all: false }],
    ["deny without a target", { type: "deny" }],
  ])("refuses %s", (_label, message) => {
    expect(errorCode(message)).toBe("invalid_message");
  });

  it("names the failing field of a known message", () => {
    const result = parseClientMessage('{"type":"hello","v":"2"}');
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

  it("never throws on well-typed frames with arbitrary field values", () => {
    const types = ["hello", "signal", "chat", "media", "hand", "reaction", "quality", "mute", "remove", "lock", "spotlight"];
    fc.assert(
      fc.property(fc.constantFrom(...types), fc.dictionary(fc.string({ maxLength: 12 }), fc.jsonValue()), (type, fields) => {
        const result = parseClientMessage(JSON.stringify({ ...fields, type }));
        expect(typeof result.ok).toBe("boolean");
      }),
    );
  });
});
