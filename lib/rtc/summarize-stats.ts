import type {
  CandidateType,
  OutboundVideoStreamSummary,
  QualityLimitationReason,
  StatsSummary,
  VideoStreamSummary,
} from "../domain/stats-summary";

/** One value of an RTCStatsReport, as plain data: `[...report.values()]` gives an array of these. */
export type RtcStatsEntry = { id: string; type: string; timestamp: number; [field: string]: unknown };

const candidateTypes: readonly string[] = ["host", "srflx", "prflx", "relay"] satisfies CandidateType[];
const limitationReasons: readonly string[] = ["none", "cpu", "bandwidth", "other"] satisfies QualityLimitationReason[];

function numberField(entry: RtcStatsEntry | undefined, field: string): number | null {
  const value = entry?.[field];
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function stringField(entry: RtcStatsEntry | undefined, field: string): string | null {
  const value = entry?.[field];
  return typeof value === "string" ? value : null;
}

function oneOf<T extends string>(value: string | null, allowed: readonly string[]): T | null {
  return value !== null && allowed.includes(value) ? (value as T) : null;
}

function mediaKind(entry: RtcStatsEntry): string | null {
  return stringField(entry, "kind") ?? stringField(entry, "mediaType");
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

function max(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length > 0 ? Math.max(...known) : null;
}

class Reports {
  private readonly currentById: ReadonlyMap<string, RtcStatsEntry>;
  private readonly previousById: ReadonlyMap<string, RtcStatsEntry> | undefined;

  constructor(
    previous: readonly RtcStatsEntry[] | undefined,
    readonly current: readonly RtcStatsEntry[],
    private readonly elapsedMs: number,
  ) {
    this.currentById = new Map(current.map((entry) => [entry.id, entry]));
    this.previousById = previous && new Map(previous.map((entry) => [entry.id, entry]));
  }

  get(id: string | null): RtcStatsEntry | undefined {
    return id === null ? undefined : this.currentById.get(id);
  }

  ofType(type: string): RtcStatsEntry[] {
    return this.current.filter((entry) => entry.type === type);
  }

  /**
   * How much a counter grew during the interval; `null` without a previous report. A stream missing from the
   * previous report, or whose counter went backwards (a new SSRC after renegotiation), started in this interval.
   */
  delta(entry: RtcStatsEntry, field: string): number | null {
    const now = numberField(entry, field);
    if (now === null || !this.previousById) return null;
    const before = numberField(this.previousById.get(entry.id), field);
    return before === null || before > now ? now : now - before;
  }

  /** The counter's growth during the interval, or since the stream began when this is the first report. */
  growth(entry: RtcStatsEntry, field: string): number {
    return this.delta(entry, field) ?? numberField(entry, field) ?? 0;
  }

  kbps(bytes: number | null): number | null {
    return bytes === null || this.elapsedMs <= 0 ? null : (bytes * 8) / this.elapsedMs;
  }

  bitrateKbps(entries: readonly RtcStatsEntry[], field: string): number | null {
    if (!this.previousById) return null;
    return this.kbps(sum(entries.map((entry) => this.delta(entry, field) ?? 0)));
  }

  codecName(entry: RtcStatsEntry): string | null {
    const mimeType = stringField(this.get(stringField(entry, "codecId")), "mimeType");
    return mimeType === null ? null : mimeType.slice(mimeType.indexOf("/") + 1);
  }
}

function selectedCandidatePair(reports: Reports, transport: RtcStatsEntry | undefined): RtcStatsEntry | undefined {
  // Chrome names the pair on the transport; Firefox flags it `selected`; otherwise the nominated, working pair.
  const pairs = reports.ofType("candidate-pair");
  return (
    reports.get(stringField(transport, "selectedCandidatePairId")) ??
    pairs.find((pair) => pair.selected === true) ??
    pairs.find((pair) => pair.nominated === true && pair.state === "succeeded")
  );
}

function summarizeTransport(reports: Reports, remoteInbound: readonly RtcStatsEntry[]) {
  const transports = reports.ofType("transport");
  const transport = transports.find((entry) => stringField(entry, "selectedCandidatePairId") !== null) ?? transports[0];
  const pair = selectedCandidatePair(reports, transport);
  const local = reports.get(stringField(pair, "localCandidateId"));
  const remote = reports.get(stringField(pair, "remoteCandidateId"));
  const localCandidateType = oneOf<CandidateType>(stringField(local, "candidateType"), candidateTypes);
  const pairRtt = numberField(pair, "currentRoundTripTime");
  const reportedRtts = remoteInbound
    .map((entry) => numberField(entry, "roundTripTime"))
    .filter((rtt): rtt is number => rtt !== null);
  const rttSeconds = pairRtt ?? (reportedRtts.length > 0 ? sum(reportedRtts) / reportedRtts.length : null);
  const availableOutgoing = numberField(pair, "availableOutgoingBitrate");
  return {
    rttMs: rttSeconds === null ? null : rttSeconds * 1000,
    transport: {
      // A browser without `iceState` on its transport stats still proves connectivity with a succeeded pair.
      iceState: stringField(transport, "iceState") ?? (stringField(pair, "state") === "succeeded" ? "connected" : null),
      packetsReceived: transport ? reports.delta(transport, "packetsReceived") : null,
      localCandidateType,
      remoteCandidateType: oneOf<CandidateType>(stringField(remote, "candidateType"), candidateTypes),
      relayProtocol: localCandidateType === "relay" ? stringField(local, "relayProtocol") : null,
      availableOutgoingKbps: availableOutgoing === null ? null : availableOutgoing / 1000,
    },
  };
}

function lossPercent(lost: number, received: number): number | null {
  const expected = lost + received;
  return expected > 0 ? (100 * lost) / expected : null;
}

function videoStream(reports: Reports, entry: RtcStatsEntry, bytesField: string): VideoStreamSummary {
  return {
    mid: stringField(entry, "mid"),
    codec: reports.codecName(entry),
    width: numberField(entry, "frameWidth"),
    height: numberField(entry, "frameHeight"),
    framesPerSecond: numberField(entry, "framesPerSecond"),
    bitrateKbps: reports.kbps(reports.delta(entry, bytesField)),
  };
}

function byMid(a: VideoStreamSummary, b: VideoStreamSummary): number {
  return (a.mid ?? "").localeCompare(b.mid ?? "", undefined, { numeric: true });
}

function audioLevel(reports: Reports, audio: RtcStatsEntry | undefined): number | null {
  if (!audio) return null;
  // totalAudioEnergy sums level² × duration, so this is the interval's RMS level on the same 0–1 scale.
  const energy = reports.delta(audio, "totalAudioEnergy");
  const duration = reports.delta(audio, "totalSamplesDuration");
  if (energy !== null && duration !== null && duration > 0) return Math.sqrt(energy / duration);
  return numberField(audio, "audioLevel");
}

function summarizeInbound(reports: Reports): StatsSummary["inbound"] {
  const streams = reports.ofType("inbound-rtp");
  const audio = streams.filter((entry) => mediaKind(entry) === "audio");
  const video = streams.filter((entry) => mediaKind(entry) === "video" && reports.growth(entry, "bytesReceived") > 0);
  const lost = Math.max(0, sum(streams.map((entry) => reports.growth(entry, "packetsLost"))));
  const received = sum(streams.map((entry) => reports.growth(entry, "packetsReceived")));
  const mainAudio = [...audio].sort((a, b) => reports.growth(b, "bytesReceived") - reports.growth(a, "bytesReceived"))[0];
  const jitterSeconds =
    audio.length > 0 ? max(audio.map((entry) => numberField(entry, "jitter"))) : max(video.map((entry) => numberField(entry, "jitter")));
  return {
    packetLossPercent: lossPercent(lost, received),
    jitterMs: jitterSeconds === null ? null : jitterSeconds * 1000,
    bitrateKbps: reports.bitrateKbps(streams, "bytesReceived"),
    audioLevel: audioLevel(reports, mainAudio),
    audioCodec: mainAudio ? reports.codecName(mainAudio) : null,
    video: video.map((entry) => videoStream(reports, entry, "bytesReceived")).sort(byMid),
  };
}

function outboundLossPercent(reports: Reports, remoteInbound: readonly RtcStatsEntry[]): number | null {
  // Each receiver report covers one of our streams; weigh them by the packets we sent on it meanwhile.
  const reported = remoteInbound.flatMap((entry) => {
    const fractionLost = numberField(entry, "fractionLost");
    const local = reports.get(stringField(entry, "localId"));
    return fractionLost === null ? [] : [{ fractionLost, sent: local ? reports.growth(local, "packetsSent") : 0 }];
  });
  if (reported.length === 0) return null;
  const totalSent = sum(reported.map((report) => report.sent));
  const fraction =
    totalSent > 0
      ? sum(reported.map((report) => report.fractionLost * report.sent)) / totalSent
      : sum(reported.map((report) => report.fractionLost)) / reported.length;
  return fraction * 100;
}

function summarizeOutbound(reports: Reports, remoteInbound: readonly RtcStatsEntry[]): StatsSummary["outbound"] {
  const streams = reports.ofType("outbound-rtp");
  const audio = streams.filter((entry) => mediaKind(entry) === "audio");
  const video = streams.filter((entry) => mediaKind(entry) === "video" && reports.growth(entry, "bytesSent") > 0);
  const mainAudio = [...audio].sort((a, b) => reports.growth(b, "bytesSent") - reports.growth(a, "bytesSent"))[0];
  return {
    packetLossPercent: outboundLossPercent(reports, remoteInbound),
    bitrateKbps: reports.bitrateKbps(streams, "bytesSent"),
    audioCodec: mainAudio ? reports.codecName(mainAudio) : null,
    video: video
      .map(
        (entry): OutboundVideoStreamSummary => ({
          ...videoStream(reports, entry, "bytesSent"),
          qualityLimitationReason: oneOf<QualityLimitationReason>(stringField(entry, "qualityLimitationReason"), limitationReasons),
        }),
      )
      .sort(byMid),
  };
}

/**
 * Distils one interval of a peer connection's stats. `previous` is the report taken `elapsedMs` earlier, or
 * undefined for the first one: then rates are unknown and losses count since each stream began.
 */
export function summarizeStats(
  previous: readonly RtcStatsEntry[] | undefined,
  current: readonly RtcStatsEntry[],
  elapsedMs: number,
): StatsSummary {
  const reports = new Reports(previous, current, elapsedMs);
  const remoteInbound = reports.ofType("remote-inbound-rtp");
  const { rttMs, transport } = summarizeTransport(reports, remoteInbound);
  return {
    timestamp: max(current.map((entry) => entry.timestamp)) ?? 0,
    rttMs,
    transport,
    inbound: summarizeInbound(reports),
    outbound: summarizeOutbound(reports, remoteInbound),
  };
}
