import { describe, expect, it } from "vitest";
import { MAX_CLIENT_MESSAGE_BYTES } from "@/lib/signaling";
import { MAX_SDP_LENGTH, rtcSignalSchema } from "@/lib/signaling/rtc-signal";

const candidate = {
  candidate: "candidate:2769476880 1 udp 2122134271 fd00::2 47225 typ host generation 0 ufrag ikZv network-id 2",
  sdpMid: "0",
  sdpMLineIndex: 0,
  usernameFragment: "ikZv",
};

describe("rtcSignalSchema", () => {
  it("accepts the three signals the engine sends", () => {
    const signals = [
      { kind: "description", description: { type: "offer", sdp: "v=0\r\n" } },
      { kind: "description", description: { type: "answer", sdp: "v=0\r\n" } },
      { kind: "candidate", candidate },
      { kind: "candidate", candidate: { ...candidate, sdpMid: null, usernameFragment: null } },
      { kind: "end-of-candidates" },
    ];
    for (const signal of signals) expect(rtcSignalSchema.parse(signal)).toEqual(signal);
  });

  it("refuses descriptions that never travel between peers, and empty or oversized SDP", () => {
    for (const type of ["rollback", "pranswer"]) {
      expect(rtcSignalSchema.safeParse({ kind: "description", description: { type, sdp: "v=0\r\n" } }).success).toBe(false);
    }
    expect(rtcSignalSchema.safeParse({ kind: "description", description: { type: "offer", sdp: "" } }).success).toBe(false);
    const tooLong = "a".repeat(MAX_SDP_LENGTH + 1);
    expect(rtcSignalSchema.safeParse({ kind: "description", description: { type: "offer", sdp: tooLong } }).success).toBe(false);
  });

  it("keeps a maximal offer, JSON-escaped inside a relay message, under the signaling size limit", () => {
    const sdp = "a=x\r\n".repeat(MAX_SDP_LENGTH / 5);
    const relayed = JSON.stringify({ type: "signal", to: "x".repeat(64), signal: { kind: "description", description: { type: "offer", sdp } } });
    expect(new TextEncoder().encode(relayed).byteLength).toBeLessThan(MAX_CLIENT_MESSAGE_BYTES);
  });

  it("refuses malformed candidates", () => {
    const malformed = [
      { ...candidate, candidate: "" },
      { ...candidate, candidate: "c".repeat(2_000) },
      { ...candidate, sdpMLineIndex: -1 },
      { ...candidate, sdpMLineIndex: 0.5 },
      { candidate: candidate.candidate },
    ];
    for (const value of malformed) expect(rtcSignalSchema.safeParse({ kind: "candidate", candidate: value }).success).toBe(false);
    expect(rtcSignalSchema.safeParse({ kind: "ice" }).success).toBe(false);
  });
});
