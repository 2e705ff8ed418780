import type { ReactNode } from "react";
import { AppHeader } from "@/components/layout/app-header";
import type { Actor } from "@/lib/domain/actor";
import { AdminNav } from "./admin-nav";

/** The frame of the admin pages: header, title and the Overview / Meetings / Alerts / Branding nav. */
export function AdminPage({ actor, title, current, children }: { actor: Actor; title: string; current: "overview" | "meetings" | "alerts" | "branding"; children: ReactNode }) {
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl space-y-6 px-4 py-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h1 className="text-xl font-semibold">{title}</h1>
          <AdminNav current={current} />
        </div>
        {children}
      </main>
    </>
  );
}
