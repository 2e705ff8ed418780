"use client";

import { Bar, BarChart as RechartsBarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type BarChartProps = { data: Record<string, string | number>[]; xKey: string; yKey: string; yLabel: string };

/** The recharts part of BarChartCard, in a chunk of its own (loaded by the card). */
export function BarChart({ data, xKey, yKey, yLabel }: BarChartProps) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      {/* No keyboard layer: the chart is hidden from assistive tech (the summary stands for it), so nothing in it may take focus. */}
      <RechartsBarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey={xKey} tick={{ fontSize: 11 }} />
        <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
        <Tooltip />
        <Bar dataKey={yKey} name={yLabel} fill="var(--color-chart-1)" />
      </RechartsBarChart>
    </ResponsiveContainer>
  );
}
