import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { ParticipantQualityCharts } from "@/components/admin/participant-quality-charts";
import { TableHead } from "@/components/admin/table-head";
import { AppHeader } from "@/components/layout/app-header";
import { ChatTranscript } from "@/components/meetings/chat-transcript";
import { getMeetingReport } from "@/lib/server/analytics/queries/get-meeting-report";
import { getReportAccess } from "@/lib/server/analytics/queries/get-report-access";
import { getMeetingHistory } from "@/lib/server/meetings/get-meeting-history";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Meeting report" };

type Props = { params: Promise<{ id: string }> };

/** Streamed exports (app/api/admin/meetings/[id]/export): the report as JSON, each table as CSV. */
const exportLinks = [
  { label: "Report (JSON)", dataset: "report", format: "json" },
  { label: "Issues (CSV)", dataset: "report", format: "csv" },
  { label: "Participants (CSV)", dataset: "participants", format: "csv" },
  { label: "Samples (CSV)", dataset: "samples", format: "csv" },
  { label: "Samples (JSON)", dataset: "samples", format: "json" },
  { label: "Chat (CSV)", dataset: "chat", format: "csv" },
  { label: "Chat (JSON)", dataset: "chat", format: "json" },
] as const;

const formatTime = (date: Date | null) => (date ? date.toISOString().slice(0, 19).replace("T", " ") + " UTC" : "—");

/**
 * Post-call report. Admins and hosts of this meeting (lib/domain/report-access.ts) may open it; for everyone else
 * the page answers 404 whether or not the meeting exists, so ids cannot be probed.
 */
export default async function MeetingReportPage({ params }: Props) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/admin/meetings/${id}`)}`);
  const access = await getReportAccess(actor, id);
  if (access === null || access === "denied") notFound();
  const [report, history] = await Promise.all([getMeetingReport(id), getMeetingHistory(actor, id)]);
  if (!report) notFound();
  const durationMin = report.endedAt ? Math.round((report.endedAt.getTime() - report.startedAt.getTime()) / 60_000) : null;
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <div className="space-y-1">
          {access === "admin" ? (
            <Link href="/admin/meetings" className="text-sm text-link underline">
              All meetings
            </Link>
          ) : null}
          <h1 className="text-xl font-semibold">{report.title}</h1>
          <p className="text-sm text-fg-muted">
            {formatTime(report.startedAt)} · {durationMin === null ? "still running" : `${durationMin} min`}
            {report.endReason ? ` · ended: ${report.endReason.toLowerCase()}` : ""} · {report.participants.length} participants
          </p>
        </div>

        <nav aria-label="Downloads" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <span className="text-fg-muted">Download:</span>
          {exportLinks.map(({ label, dataset, format }) => (
            <a
              key={label}
              href={`/api/admin/meetings/${encodeURIComponent(report.id)}/export/${dataset}?format=${format}`}
              download
              className="text-link underline"
            >
              {label}
            </a>
          ))}
        </nav>

        <section aria-labelledby="participants" className="space-y-2">
          <h2 id="participants" className="font-medium">
            Participants
          </h2>
          <table className="w-full border-collapse bg-surface text-sm">
            <TableHead columns={["Name", "Role", "Joined", "Left", "Reason"]} />
            <tbody>
              {report.participants.map((p) => (
                <tr key={p.id}>
                  <th scope="row" className="border-b border-line-muted px-3 py-2 text-left font-normal">
                    {p.displayName}
                  </th>
                  <td className="border-b border-line-muted px-3 py-2">{p.role.toLowerCase()}</td>
                  <td className="border-b border-line-muted px-3 py-2">{formatTime(p.joinedAt)}</td>
                  <td className="border-b border-line-muted px-3 py-2">{formatTime(p.leftAt)}</td>
                  <td className="border-b border-line-muted px-3 py-2">{p.leaveReason ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>

        <section aria-labelledby="issues" className="space-y-2">
          <h2 id="issues" className="font-medium">
            Quality issues
          </h2>
          {report.issues.length === 0 ? (
            <p className="text-sm text-fg-muted">No quality issues were detected.</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse bg-surface text-sm">
                <TableHead columns={["Kind", "Severity", "Start", "End", "Affected", "Suspected cause", "Evidence"]} />
                <tbody>
                  {report.issues.map((issue) => (
                    <tr key={issue.id} className="align-top">
                      <th scope="row" className="border-b border-line-muted px-3 py-2 text-left font-normal">
                        {issue.kind}
                      </th>
                      <td className="border-b border-line-muted px-3 py-2">{issue.severity.toLowerCase()}</td>
                      <td className="border-b border-line-muted px-3 py-2">{formatTime(issue.startedAt)}</td>
                      <td className="border-b border-line-muted px-3 py-2">{formatTime(issue.endedAt)}</td>
                      <td className="border-b border-line-muted px-3 py-2">{issue.affectedNames.join(", ") || "—"}</td>
                      <td className="border-b border-line-muted px-3 py-2">
                        {issue.suspectedCause}
                        {issue.causeName ? ` (${issue.causeName})` : ""}
                      </td>
                      <td className="border-b border-line-muted px-3 py-2">
                        <code className="whitespace-pre-wrap break-all text-xs">{JSON.stringify(issue.evidence)}</code>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>

        <section aria-labelledby="chat" className="space-y-2">
          <h2 id="chat" className="font-medium">
            Chat
          </h2>
          <ChatTranscript messages={history?.chat ?? []} />
        </section>

        <section aria-labelledby="network" className="space-y-4">
          <h2 id="network" className="font-medium">
            Network quality per participant (per-minute averages)
          </h2>
          {report.participants.map((p) => {
            const worst = (key: "lossPct" | "rttMs" | "jitterMs") => Math.max(...p.minutes.map((m) => m[key]));
            const avgIn = p.minutes.reduce((s, m) => s + m.bitrateInKbps, 0) / (p.minutes.length || 1);
            return (
              <article key={p.id} className="space-y-2 rounded-md border border-line bg-surface p-4">
                <h3 className="font-medium">{p.displayName}</h3>
                {p.minutes.length === 0 ? (
                  <p className="text-sm text-fg-muted">No quality data reported.</p>
                ) : (
                  <>
                    <p className="text-sm text-fg-muted">
                      {`${p.minutes.length} minutes of data. Worst minute: ${worst("lossPct")} % loss, ${worst("rttMs")} ms round-trip, ` +
                        `${worst("jitterMs")} ms jitter. Average incoming bitrate ${Math.round(avgIn)} kbps.`}
                    </p>
                    <ParticipantQualityCharts name={p.displayName} points={p.minutes} />
                  </>
                )}
              </article>
            );
          })}
        </section>
      </main>
    </>
  );
}
