/**
 * One peer connection's media health over one sampling interval, distilled from two `getStats()` reports.
 * It lives in the domain so quality scoring and analytics can use it without importing browser code.
 * Rates and losses are `null` when they cannot be known yet (first sample, or no such stream).
 */

/** RTCIceCandidateType: how a candidate reaches the network, `relay` meaning through TURN. */
export type CandidateType = "host" | "srflx" | "prflx" | "relay";

/** Why the encoder sends less than the source offers (RTCOutboundRtpStreamStats.qualityLimitationReason). */
export type QualityLimitationReason = "none" | "cpu" | "bandwidth" | "other";

export type VideoStreamSummary = {
  /** The m-section the stream belongs to, which names its slot (audio, camera, screen in mid order). */
  mid: string | null;
  /** Codec name without the media type, e.g. `VP9`. */
  codec: string | null;
  width: number | null;
  height: number | null;
  framesPerSecond: number | null;
  bitrateKbps: number | null;
};

export type OutboundVideoStreamSummary = VideoStreamSummary & {
  qualityLimitationReason: QualityLimitationReason | null;
};

export type StatsSummary = {
  /** When the browser took the current report, epoch milliseconds. */
  timestamp: number;
  /** Round-trip time on the selected candidate pair, else as reported by the peer's RTCP receiver reports. */
  rttMs: number | null;
  transport: {
    /** RTCIceTransportState of the transport in use, `null` before one exists. */
    iceState: string | null;
    /** Packets of any kind that arrived during the interval: zero means the path is silent, not just muted media. */
    packetsReceived: number | null;
    localCandidateType: CandidateType | null;
    remoteCandidateType: CandidateType | null;
    /** How this browser reaches its TURN server (`udp`, `tcp`, `tls`) when the local candidate is a relay. */
    relayProtocol: string | null;
    /** The congestion controller's estimate of what the uplink to this peer can carry. */
    availableOutgoingKbps: number | null;
  };
  inbound: {
    /** Packets lost out of those expected during the interval, over all received streams. */
    packetLossPercent: number | null;
    /** Audio's interarrival jitter when receiving audio (video's includes frame pacing), else the worst video's. */
    jitterMs: number | null;
    bitrateKbps: number | null;
    /** Received audio loudness, 0 (silence) to 1 (full scale), averaged over the interval when possible. */
    audioLevel: number | null;
    audioCodec: string | null;
    /** Video streams that carried media during the interval. */
    video: VideoStreamSummary[];
  };
  outbound: {
    /** What the peer reports losing of our packets (RTCP receiver reports' fraction lost). */
    packetLossPercent: number | null;
    bitrateKbps: number | null;
    audioCodec: string | null;
    /** Video streams that carried media during the interval. */
    video: OutboundVideoStreamSummary[];
  };
};
