import type { Metadata } from "next";
import { AdminPage } from "@/components/admin/admin-page";
import { BarChartCard } from "@/components/admin/bar-chart-card";
import { DateRangeForm } from "@/components/admin/date-range-form";
import { TableHead } from "@/components/admin/table-head";
import { getOverview } from "@/lib/server/analytics/queries/get-overview";
import { parseDateRange } from "./date-range";
import { requireAdminPage } from "./load-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Analytics" };

type Props = { searchParams: Promise<{ from?: string | string[]; to?: string | string[] }> };

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;
const SCORE_LABELS = ["lost", "poor", "fair", "good", "excellent"];

/** Fleet overview for a date range, from the per-minute rollups (lib/server/analytics/queries/get-overview.ts). */
export default async function AdminOverviewPage({ searchParams }: Props) {
  const actor = await requireAdminPage("/admin");
  const range = parseDateRange(await searchParams);
  const overview = await getOverview({ from: range.from, to: range.to });
  const totalMeetings = overview.meetingsPerDay.reduce((sum, d) => sum + d.meetings, 0);
  const busiest = overview.meetingsPerDay.reduce<{ day: string; meetings: number } | null>((best, d) => (!best || d.meetings > best.meetings ? d : best), null);
  const scoreData = overview.scoreDistribution.map((s) => ({ score: `${s.score} ${SCORE_LABELS[s.score] ?? ""}`.trim(), minutes: s.minutes }));
  const totalScoredMinutes = overview.scoreDistribution.reduce((sum, s) => sum + s.minutes, 0);
  return (
    <AdminPage actor={actor} title="Analytics overview" current="overview">
      <DateRangeForm action="/admin" from={range.fromInput} to={range.toInput} />
      <dl className="grid gap-3 sm:grid-cols-3">
        {[
          ["Meetings", String(totalMeetings)],
          ["Participant-minutes", overview.participantMinutes.toLocaleString("en")],
          ["Time in poor quality", percent(overview.poorShare)],
        ].map(([label, value]) => (
          <div key={label} className="rounded-md border border-line bg-surface p-4">
            <dt className="text-sm text-fg-muted">{label}</dt>
            <dd className="text-2xl font-semibold">{value}</dd>
          </div>
        ))}
      </dl>
      <div className="grid gap-4 md:grid-cols-2">
        <BarChartCard
          title="Meetings per day"
          summary={
            busiest
              ? `${totalMeetings} meetings over ${overview.meetingsPerDay.length} active days; busiest ${busiest.day} with ${busiest.meetings}.`
              : "No meetings in this range."
          }
          data={overview.meetingsPerDay}
          xKey="day"
          yKey="meetings"
          yLabel="Meetings"
        />
        <BarChartCard
          title="Quality score distribution (meeting-minutes)"
          summary={
            totalScoredMinutes === 0
              ? "No quality data in this range."
              : `${totalScoredMinutes} meeting-minutes scored: ${overview.scoreDistribution.map((s) => `${s.minutes} at score ${s.score}`).join(", ")}.`
          }
          data={scoreData}
          xKey="score"
          yKey="minutes"
          yLabel="Minutes"
        />
      </div>
      <div className="grid gap-4 md:grid-cols-2">
        <section aria-labelledby="issue-kinds" className="space-y-2">
          <h2 id="issue-kinds" className="font-medium">
            Top issue kinds
          </h2>
          <SimpleTable
            caption="Quality issues by kind"
            headers={["Kind", "Issues"]}
            rows={overview.topIssueKinds.map((i) => [i.kind, String(i.count)])}
            empty="No quality issues in this range."
          />
        </section>
        <section aria-labelledby="feature-usage" className="space-y-2">
          <h2 id="feature-usage" className="font-medium">
            Feature usage
          </h2>
          <SimpleTable
            caption="Feature events and meetings using each feature"
            headers={["Feature", "Events", "Meetings"]}
            rows={overview.featureUsage.map((f) => [f.feature, String(f.events), String(f.meetings)])}
            empty="No feature events in this range."
          />
        </section>
      </div>
    </AdminPage>
  );
}

function SimpleTable({ caption, headers, rows, empty }: { caption: string; headers: string[]; rows: string[][]; empty: string }) {
  if (rows.length === 0) return <p className="text-sm text-fg-muted">{empty}</p>;
  return (
    <table className="w-full border-collapse rounded-md bg-surface text-sm">
      <caption className="sr-only">{caption}</caption>
      <TableHead columns={headers} />
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="border-b border-line-muted px-3 py-2 text-left font-normal">
                  {cell}
                </th>
              ) : (
                <td key={i} className="border-b border-line-muted px-3 py-2">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
