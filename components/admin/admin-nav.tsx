import Link from "next/link";

export function AdminNav({ current }: { current: "overview" | "meetings" }) {
  const link = (href: string, label: string, key: typeof current) => (
    <Link href={href} aria-current={current === key ? "page" : undefined} className={current === key ? "font-semibold text-slate-900" : "text-brand-700 underline"}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="Analytics" className="flex gap-4 text-sm">
      {link("/admin", "Overview", "overview")}
      {link("/admin/meetings", "Meetings", "meetings")}
    </nav>
  );
}
