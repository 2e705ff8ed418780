import type { StatsSummary, VideoStreamSummary } from "@/lib/domain/stats-summary";

/** One peer connection in words and numbers, for the connection panel: what is actually sent and received. */
export type ConnectionFigures = { sent: string[]; received: string[]; network: string };

const number = (value: number | null, unit: string, digits = 0) => (value === null ? null : `${value.toFixed(digits)} ${unit}`);

function describeVideo(stream: VideoStreamSummary): string {
  const size = stream.width !== null && stream.height !== null ? `${stream.width}×${stream.height}` : "size unknown";
  return [size, number(stream.framesPerSecond, "fps"), number(stream.bitrateKbps, "kbps"), stream.codec].filter(Boolean).join(" · ");
}

export function connectionFigures(summary: StatsSummary): ConnectionFigures {
  const { inbound, outbound, rttMs } = summary;
  const sent = outbound.video.map(describeVideo);
  const received = inbound.video.map(describeVideo);
  return {
    sent: sent.length > 0 ? sent : ["no video"],
    received: received.length > 0 ? received : ["no video"],
    network: [number(rttMs, "ms round trip"), number(inbound.packetLossPercent, "% lost", 1), number(outbound.bitrateKbps, "kbps up"), number(inbound.bitrateKbps, "kbps down")]
      .filter(Boolean)
      .join(" · "),
  };
}
