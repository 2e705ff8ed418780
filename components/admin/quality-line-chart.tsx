"use client";

import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type QualityLine = { key: string; label: string; color: string };

/** The recharts part of ParticipantQualityCharts, in a chunk of its own (loaded by it). */
export function QualityLineChart({ data, lines }: { data: Record<string, string | number>[]; lines: readonly QualityLine[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* No keyboard layer: hidden from assistive tech, nothing in the chart may take focus (as in BarChartCard). */}
      <LineChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" />
        <XAxis dataKey="time" tick={{ fontSize: 11 }} />
        <YAxis tick={{ fontSize: 11 }} width={40} />
        <Tooltip />
        <Legend wrapperStyle={{ fontSize: 11 }} />
        {lines.map((line) => (
          <Line key={line.key} type="monotone" dataKey={line.key} name={line.label} stroke={line.color} dot={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
