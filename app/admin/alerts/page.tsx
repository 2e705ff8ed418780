import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { AdminPage } from "@/components/admin/admin-page";
import { MarkAlertReadButton, MarkAllAlertsReadButton } from "@/components/admin/alert-read-buttons";
import { TableHead } from "@/components/admin/table-head";
import { listAlerts } from "@/lib/server/alerts/list-alerts";
import { requireAdminPage } from "../load-admin";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alerts · Analytics" };

const PAGE_SIZE = 50;
const pageSchema = z.coerce.number().int().min(1).max(10_000).catch(1);
const formatTime = (date: Date) => date.toISOString().slice(0, 16).replace("T", " ") + " UTC";

const WEBHOOK_LABELS: Record<string, string> = { delivered: "Delivered", failed: "Failed", pending: "Pending" };

type Props = { searchParams: Promise<{ page?: string | string[] }> };

/** Alerts raised by lib/server/alerts/evaluate-alerts.ts, newest first, with read state and webhook delivery. */
export default async function AdminAlertsPage({ searchParams }: Props) {
  const actor = await requireAdminPage("/admin/alerts");
  const page = pageSchema.parse((await searchParams).page ?? 1);
  const renderedAt = new Date();
  const { alerts, total, unread } = await listAlerts(actor, { page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <AdminPage actor={actor} title="Alerts" current="alerts">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-fg-muted" role="status">
          {total} alerts, {unread} unread{total > PAGE_SIZE ? `; page ${page} of ${pages}` : ""}.
        </p>
        {unread > 0 ? <MarkAllAlertsReadButton upTo={renderedAt.toISOString()} /> : null}
      </div>
      {alerts.length === 0 ? (
        <p className="text-sm text-fg-muted">No alerts{page > 1 ? " on this page" : " yet"}.</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-surface text-sm">
            <caption className="sr-only">Alerts, newest first</caption>
            <TableHead columns={["Severity", "Alert", "Raised", "State", "Webhook", { srOnly: "Actions" }]} />
            <tbody>
              {alerts.map((a) => (
                <tr key={a.id} data-testid="alert-row" className={a.readAt ? "" : "bg-warning-soft"}>
                  <td className="border-b border-line-muted px-3 py-2">
                    <span className={`rounded px-2 py-0.5 text-xs font-semibold ${a.severity === "CRITICAL" ? "bg-danger-soft text-danger-fg" : "bg-warning-soft text-warning-fg"}`}>
                      {a.severity === "CRITICAL" ? "Critical" : "Warning"}
                    </span>
                  </td>
                  <th scope="row" className="border-b border-line-muted px-3 py-2 text-left font-normal">
                    <span className={a.readAt ? "" : "font-semibold"}>{a.title}</span>
                    <span className="block text-fg-muted">{a.message}</span>
                    {a.meetingId ? (
                      <Link href={`/admin/meetings/${encodeURIComponent(a.meetingId)}`} className="text-link underline">
                        Meeting report
                      </Link>
                    ) : null}
                  </th>
                  <td className="whitespace-nowrap border-b border-line-muted px-3 py-2">
                    <time dateTime={a.createdAt.toISOString()}>{formatTime(a.createdAt)}</time>
                  </td>
                  <td className="border-b border-line-muted px-3 py-2">{a.readAt ? "Read" : "Unread"}</td>
                  <td className="border-b border-line-muted px-3 py-2">
                    {a.webhookStatus ? `${WEBHOOK_LABELS[a.webhookStatus] ?? a.webhookStatus} (${a.webhookAttempts} attempt${a.webhookAttempts === 1 ? "" : "s"})` : "Not configured"}
                  </td>
                  <td className="border-b border-line-muted px-3 py-2">{a.readAt ? null : <MarkAlertReadButton alertId={a.id} title={a.title} />}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <nav aria-label="Pages" className="flex gap-4 text-sm">
          {page > 1 ? (
            <Link href={`/admin/alerts?page=${page - 1}`} className="text-link underline">
              Newer alerts
            </Link>
          ) : null}
          {page < pages ? (
            <Link href={`/admin/alerts?page=${page + 1}`} className="text-link underline">
              Older alerts
            </Link>
          ) : null}
        </nav>
      ) : null}
    </AdminPage>
  );
}
