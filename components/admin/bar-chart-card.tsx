"use client";

import dynamic from "next/dynamic";

/** recharts loads with the first chart a page shows, after the page itself: the figure's text is there at once. */
const BarChart = dynamic(() => import("./bar-chart").then((module) => module.BarChart), { ssr: false });

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
          <BarChart data={data} xKey={xKey} yKey={yKey} yLabel={yLabel} />
        </div>
      )}
    </figure>
  );
}
