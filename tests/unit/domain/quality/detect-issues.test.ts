import { describe, expect, it } from "vitest";
import { detectIssues, lowBitrateWarningKbps, type DetectorSample } from "@/lib/domain/quality/detect-issues";

const T0 = Date.UTC(2026, 10, 24, 10, 0, 0);
const PEOPLE = ["alice", "bob", "carol", "dan"];

function clean(participantId: string, peerId: string, at: number): DetectorSample {
  return {
    participantId,
    peerId,
    at,
    lossPct: 0.2,
    jitterMs: 8,
    rttMs: 40,
    bitrateInKbps: 900,
    bitrateOutKbps: 900,
    frameWidth: 640,
    frameHeight: 360,
    fps: 30,
    qualityLimitation: "none",
    candidateType: "host",
  };
}

/** Every reporter × peer, every 5 s for `seconds`; `tweak` degrades chosen samples. */
function meeting(seconds: number, tweak: (s: DetectorSample) => Partial<DetectorSample> = () => ({})) {
  const samples: DetectorSample[] = [];
  for (let t = 5_000; t <= seconds * 1000; t += 5_000) {
    for (const me of PEOPLE) {
      for (const peer of PEOPLE) {
        if (me === peer) continue;
        const s = clean(me, peer, T0 + t);
        samples.push({ ...s, ...tweak(s) });
      }
    }
  }
  return samples;
}

const during = (s: DetectorSample, from: number, to: number) => s.at > T0 + from * 1000 && s.at <= T0 + to * 1000;

describe("detectIssues", () => {
  it("finds nothing in a clean call", () => {
    expect(detectIssues(meeting(120))).toEqual([]);
  });

  it("ignores blips shorter than 10 s", () => {
    // One bad 5-s sample on every pair.
    const samples = meeting(120, (s) => (during(s, 30, 35) ? { lossPct: 30, rttMs: 900, fps: 0 } : {}));
    expect(detectIssues(samples)).toEqual([]);
  });

  it("blames one sender's lossy uplink when all its receivers degrade and it reports bandwidth limits", () => {
    const samples = meeting(120, (s) => {
      if (!during(s, 30, 60)) return {};
      if (s.peerId === "bob") return { lossPct: 12, bitrateInKbps: 400 };
      if (s.participantId === "bob") return { qualityLimitation: "bandwidth", bitrateOutKbps: 120 };
      return {};
    });
    const issues = detectIssues(samples);
    const loss = issues.filter((i) => i.kind === "PACKET_LOSS");
    expect(loss).toHaveLength(1);
    expect(loss[0]).toMatchObject({
      severity: "CRITICAL",
      suspectedCause: "SENDER_UPLINK",
      causeParticipantId: "bob",
      affectedIds: ["alice", "carol", "dan"],
      startedAt: T0 + 30_000,
      endedAt: T0 + 60_000,
    });
    expect(loss[0]?.evidence.senderBandwidthLimitedSamples).toBeGreaterThan(0);
  });

  it("blames one receiver's downlink when it degrades on every inbound peer and others are fine", () => {
    const samples = meeting(120, (s) =>
      s.participantId === "carol" && during(s, 20, 70) ? { lossPct: 7, jitterMs: 40 } : {},
    );
    const issues = detectIssues(samples);
    const loss = issues.find((i) => i.kind === "PACKET_LOSS");
    expect(loss).toMatchObject({
      severity: "WARNING",
      suspectedCause: "OWN_DOWNLINK",
      causeParticipantId: "carol",
      affectedIds: ["carol"],
    });
    expect(loss?.evidence.degradedSenders).toEqual(["alice", "bob", "dan"]);
    expect(issues.find((i) => i.kind === "JITTER")?.suspectedCause).toBe("OWN_DOWNLINK");
  });

  it("attributes a CPU-limited encoder to the local machine", () => {
    const samples = meeting(120, (s) =>
      s.participantId === "dan" && during(s, 40, 90) ? { qualityLimitation: "cpu", fps: 8 } : {},
    );
    const issues = detectIssues(samples);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      kind: "CPU_LIMITED",
      suspectedCause: "LOCAL_CPU",
      causeParticipantId: "dan",
      affectedIds: ["dan"],
    });
  });

  it("reports a relay fallback as a network-path issue", () => {
    const samples = meeting(60, (s) =>
      (s.participantId === "alice" && s.peerId === "bob") || (s.participantId === "bob" && s.peerId === "alice")
        ? { candidateType: "relay" }
        : {},
    );
    const relay = detectIssues(samples).filter((i) => i.kind === "RELAY_FALLBACK");
    expect(relay.map((i) => i.affectedIds).flat().sort()).toEqual(["alice", "bob"]);
    expect(relay.every((i) => i.suspectedCause === "NETWORK_PATH" && i.severity === "WARNING")).toBe(true);
  });

  it("calls a single bad pair a network-path problem", () => {
    const samples = meeting(60, (s) => (s.participantId === "alice" && s.peerId === "dan" ? { rttMs: 600 } : {}));
    const issues = detectIssues(samples);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ kind: "HIGH_LATENCY", severity: "CRITICAL", suspectedCause: "NETWORK_PATH" });
  });

  it("judges a low bitrate against the picture received: small video at its normal rate is no issue, starved video is", () => {
    const small = { frameWidth: 320, frameHeight: 180, fps: 10 };
    expect(lowBitrateWarningKbps({ ...clean("a", "b", T0), ...small })).toBe(50);
    expect(lowBitrateWarningKbps(clean("a", "b", T0))).toBe(150);
    const smallAtNormalRate = meeting(60, (s) => (s.participantId === "alice" ? { ...small, bitrateInKbps: 110 } : {}));
    expect(detectIssues(smallAtNormalRate).filter((issue) => issue.kind === "LOW_BITRATE")).toEqual([]);
    const cameraOff = meeting(60, (s) => (s.peerId === "bob" ? { bitrateInKbps: 32, fps: null } : {}));
    expect(detectIssues(cameraOff).filter((issue) => issue.kind === "LOW_BITRATE")).toEqual([]);
    const starved = meeting(60, (s) => (s.participantId === "alice" && during(s, 10, 40) ? { bitrateInKbps: 110 } : {}));
    expect(detectIssues(starved).filter((issue) => issue.kind === "LOW_BITRATE").map((issue) => issue.affectedIds)).toContainEqual(["alice"]);
  });

  it("through the SFU, blames the leg that degrades: one person's uplink, another's downlink", () => {
    const legs = ["sfu-uplink", "sfu-downlink"];
    const samples: DetectorSample[] = [];
    for (let t = 5_000; t <= 120_000; t += 5_000) {
      for (const me of PEOPLE) {
        for (const leg of legs) {
          const s = clean(me, leg, T0 + t);
          const bad = during(s, 30, 60) && ((me === "bob" && leg === "sfu-uplink") || (me === "carol" && leg === "sfu-downlink"));
          samples.push(bad ? { ...s, lossPct: 12 } : s);
        }
      }
    }
    const issues = detectIssues(samples);
    expect(issues.map((issue) => [issue.suspectedCause, issue.causeParticipantId, issue.affectedIds])).toEqual([
      ["SENDER_UPLINK", "bob", ["bob"]],
      ["OWN_DOWNLINK", "carol", ["carol"]],
    ]);
  });
});
