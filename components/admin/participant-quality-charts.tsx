"use client";

import dynamic from "next/dynamic";

/** recharts loads after the report itself, whose text summaries are there at once. */
const QualityLineChart = dynamic(() => import("./quality-line-chart").then((module) => module.QualityLineChart), { ssr: false });

type Point = { minute: string; lossPct: number; rttMs: number; jitterMs: number; bitrateInKbps: number; bitrateOutKbps: number };

const METRICS = [
  { key: "lossPct", label: "Packet loss (%)", color: "var(--color-chart-2)" },
  { key: "rttMs", label: "Round-trip time (ms)", color: "var(--color-chart-1)" },
  { key: "jitterMs", label: "Jitter (ms)", color: "var(--color-chart-3)" },
  { key: "bitrateInKbps", label: "Bitrate in (kbps)", color: "var(--color-chart-4)" },
  { key: "bitrateOutKbps", label: "Bitrate out (kbps)", color: "var(--color-chart-5)" },
] as const;

const time = (iso: string) => iso.slice(11, 16);

/**
 * One participant's per-minute network figures: loss, RTT and jitter on one chart, bitrates on another (different
 * scales). The charts are aria-hidden; the caller renders the text summary (worst values) next to them.
 */
export function ParticipantQualityCharts({ name, points }: { name: string; points: Point[] }) {
  const data = points.map((p) => ({ ...p, time: time(p.minute) }));
  return (
    <div aria-hidden className="grid gap-3 md:grid-cols-2">
      {[METRICS.slice(0, 3), METRICS.slice(3)].map((group, index) => (
        <div key={index} className="h-48 w-full" data-chart={`${name}-${index}`}>
          <QualityLineChart data={data} lines={group} />
        </div>
      ))}
    </div>
  );
}
