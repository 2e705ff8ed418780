import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AdminPage } from "@/components/admin/admin-page";
import { DateRangeForm } from "@/components/admin/date-range-form";
import { TableHead } from "@/components/admin/table-head";
import { listMeetings } from "@/lib/server/analytics/queries/list-meetings";
import { parseDateRange } from "../date-range";
import { requireAdminPage } from "../load-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Meetings · Analytics" };

const PAGE_SIZE = 25;

type Param = string | string[] | undefined;
type Params = { from?: Param; to?: Param; sort?: Param; issues?: Param; poor?: Param; host?: Param; page?: Param };
type Props = { searchParams: Promise<Params> };

const optionsSchema = z.object({
  sort: z.enum(["recent", "worst"]).catch("recent"),
  issues: z.literal("1").optional().catch(undefined),
  poor: z.literal("1").optional().catch(undefined),
  host: z.string().trim().max(100).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});

const formatTime = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";
const minutesBetween = (a: Date, b: Date | null) => (b ? `${Math.max(0, Math.round((b.getTime() - a.getTime()) / 60_000))} min` : "ongoing");

/** All meetings in a date range, newest or worst-quality first, optionally only those with quality issues. */
export default async function AdminMeetingsPage({ searchParams }: Props) {
  const actor = await requireAdminPage("/admin/meetings");
  const params = await searchParams;
  const range = parseDateRange(params);
  const options = optionsSchema.parse({ sort: params.sort, issues: params.issues, poor: params.poor, host: params.host, page: params.page ?? 1 });
  const { meetings, total } = await listMeetings({
    from: range.from,
    to: range.to,
    sort: options.sort,
    withIssuesOnly: options.issues === "1",
    poorOnly: options.poor === "1",
    host: options.host || undefined,
    page: options.page,
    pageSize: PAGE_SIZE,
  });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const pageHref = (page: number) => {
    const query = new URLSearchParams({ from: range.fromInput, to: range.toInput, sort: options.sort, page: String(page) });
    if (options.issues) query.set("issues", "1");
    if (options.poor) query.set("poor", "1");
    if (options.host) query.set("host", options.host);
    return `/admin/meetings?${query}`;
  };
  return (
    <AdminPage actor={actor} title="Meetings" current="meetings">
      <DateRangeForm action="/admin/meetings" from={range.fromInput} to={range.toInput}>
        <label className="flex flex-col gap-1">
          Order
          <select name="sort" defaultValue={options.sort} className="rounded border border-line-strong px-2 py-1">
            <option value="recent">Most recent first</option>
            <option value="worst">Worst quality first</option>
          </select>
        </label>
        <label className="flex flex-col gap-1">
          Host
          <input
            type="search"
            name="host"
            defaultValue={options.host ?? ""}
            placeholder="Name or email"
            maxLength={100}
            className="rounded border border-line-strong px-2 py-1"
          />
        </label>
        <label className="flex items-center gap-2 pb-1.5">
          <input type="checkbox" name="issues" value="1" defaultChecked={options.issues === "1"} />
          Only meetings with quality issues
        </label>
        <label className="flex items-center gap-2 pb-1.5">
          <input type="checkbox" name="poor" value="1" defaultChecked={options.poor === "1"} />
          Only meetings with minutes in poor quality
        </label>
      </DateRangeForm>
      <p className="text-sm text-fg-muted" role="status">
        {total} meetings{total > 0 ? `, page ${options.page} of ${pages}` : ""}.
      </p>
      {meetings.length === 0 ? null : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-surface text-sm">
            <caption className="sr-only">Meetings with participants and call quality</caption>
            <TableHead columns={["Meeting", "Host", "Started", "Duration", "Participants", "Average score", "Worst minute", "Time in poor quality", "Issues"]} />
            <tbody>
              {meetings.map((m) => (
                <tr key={m.id}>
                  <th scope="row" className="border-b border-line-muted px-3 py-2 text-left font-normal">
                    <Link href={`/admin/meetings/${encodeURIComponent(m.id)}`} className="text-link underline">
                      {m.title}
                    </Link>
                  </th>
                  <td className="border-b border-line-muted px-3 py-2">{m.hosts.join(", ") || "—"}</td>
                  <td className="border-b border-line-muted px-3 py-2">{formatTime(m.startedAt)}</td>
                  <td className="border-b border-line-muted px-3 py-2">{minutesBetween(m.startedAt, m.endedAt)}</td>
                  <td className="border-b border-line-muted px-3 py-2">{m.participants}</td>
                  <td className="border-b border-line-muted px-3 py-2">{m.averageScore === null ? "—" : m.averageScore.toFixed(2)}</td>
                  <td className="border-b border-line-muted px-3 py-2">{m.worstMinuteScore === null ? "—" : m.worstMinuteScore.toFixed(2)}</td>
                  <td className="border-b border-line-muted px-3 py-2">{m.poorShare === null ? "—" : `${(m.poorShare * 100).toFixed(1)} %`}</td>
                  <td className="border-b border-line-muted px-3 py-2">{m.issues}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {options.page > 1 ? (
            <Link href={pageHref(options.page - 1)} className="text-link underline">
              Previous page
            </Link>
          ) : null}
          {options.page < pages ? (
            <Link href={pageHref(options.page + 1)} className="text-link underline">
              Next page
            </Link>
          ) : null}
        </nav>
      ) : null}
    </AdminPage>
  );
}
