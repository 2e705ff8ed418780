"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

/**
 * A titled bar chart. The SVG is hidden from assistive tech; the caller's `summary` is the accessible text
 * equivalent and is shown to everyone.
 */
export function BarChartCard({
  title,
  summary,
  data,
  xKey,
  yKey,
  yLabel,
}: {
  title: string;
  summary: string;
  data: Record<string, string | number>[];
  xKey: string;
  yKey: string;
  yLabel: string;
}) {
  return (
    <figure className="rounded-md border border-line bg-surface p-4">
      <figcaption className="mb-2">
        <span className="font-medium">{title}</span>
        <p className="text-sm text-fg-muted">{summary}</p>
      </figcaption>
      {data.length === 0 ? null : (
        <div aria-hidden className="h-48 w-full">
          <ResponsiveContainer width="100%" height="100%">
            {/* No keyboard layer: the chart is hidden from assistive tech (the summary stands for it), so nothing in it may take focus. */}
            <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 8, bottom: 4, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey={xKey} tick={{ fontSize: 11 }} />
              <YAxis allowDecimals={false} tick={{ fontSize: 11 }} width={40} />
              <Tooltip />
              <Bar dataKey={yKey} name={yLabel} fill="var(--color-chart-1)" />
            </BarChart>
          </ResponsiveContainer>
        </div>
      )}
    </figure>
  );
}
