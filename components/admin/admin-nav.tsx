import Link from "next/link";
import type { ReactNode } from "react";
import { UnreadAlertsBadge } from "./alert-badge";

export function AdminNav({ current }: { current: "overview" | "meetings" | "alerts" | "branding" }) {
  const link = (href: string, label: string, key: typeof current, badge?: ReactNode) => (
    <Link href={href} aria-current={current === key ? "page" : undefined} className={current === key ? "font-semibold text-fg" : "text-link underline"}>
      {label}
      {badge}
    </Link>
  );
  return (
    <nav aria-label="Analytics" className="flex gap-4 text-sm">
      {link("/admin", "Overview", "overview")}
      {link("/admin/meetings", "Meetings", "meetings")}
      {link("/admin/alerts", "Alerts", "alerts", <UnreadAlertsBadge />)}
      {link("/admin/branding", "Branding", "branding")}
    </nav>
  );
}
