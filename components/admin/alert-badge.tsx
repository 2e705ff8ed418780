import "server-only";
import { countUnreadAlerts } from "@/lib/server/alerts/count-unread-alerts";

/**
 * Unread-alert count for admins, rendered inside a link (header "Analytics", admin nav "Alerts"). A server
 * component: one cheap COUNT per request, shared between both places. Nothing is rendered at zero.
 * role="img" lets the badge carry its own accessible name ("3 unread alerts") instead of a bare "3".
 */
export async function UnreadAlertsBadge() {
  const unread = await countUnreadAlerts();
  if (unread === 0) return null;
  const label = `${unread} unread alert${unread === 1 ? "" : "s"}`;
  return (
    <span role="img" aria-label={label} title={label} data-testid="unread-alerts-badge" className="ml-1 inline-grid min-w-5 place-items-center rounded-full bg-danger px-1.5 text-xs font-semibold text-on-danger no-underline">
      {unread > 99 ? "99+" : unread}
    </span>
  );
}
