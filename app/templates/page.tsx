import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { DeleteTemplateButton } from "@/components/templates/delete-template-button";
import { describePolicy } from "@/components/templates/describe-policy";
import { buttonClasses } from "@/components/ui/button";
import { listTemplates } from "@/lib/server/templates/list-templates";
import type { TemplateView } from "@/lib/server/templates/template-view";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Room templates" };

/** Org templates (admins manage them, everyone uses them) and the viewer's personal ones. */
export default async function TemplatesPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=/templates");
  const templates = await listTemplates(actor);
  const org = templates.filter((template) => template.scope === "ORG");
  const personal = templates.filter((template) => template.scope === "PERSONAL");
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-5xl space-y-8 px-4 py-8">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h1 className="text-xl font-semibold">Room templates</h1>
          <Link href="/templates/new" className={buttonClasses("primary")}>
            New template
          </Link>
        </div>
        <TemplateSection
          id="org-templates"
          title="Organization templates"
          note={actor.role === "admin" ? "Everyone can use these; admins manage them." : "Everyone can use these; only admins change them."}
          templates={org}
          emptyText="No organization templates yet."
        />
        <TemplateSection id="personal-templates" title="My templates" note="Only you see and use these." templates={personal} emptyText="You have no personal templates yet." />
      </main>
    </>
  );
}

function TemplateSection({ id, title, note, templates, emptyText }: { id: string; title: string; note: string; templates: TemplateView[]; emptyText: string }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <div>
        <h2 id={id} className="text-lg font-semibold">
          {title}
        </h2>
        <p className="text-sm text-fg-muted">{note}</p>
      </div>
      {templates.length === 0 ? (
        <p className="text-sm text-fg-muted">{emptyText}</p>
      ) : (
        <ul aria-label={title} className="divide-y divide-line rounded-lg border border-line bg-surface">
          {templates.map((template) => (
            <li key={template.id} className="flex flex-wrap items-start justify-between gap-3 p-3" data-testid="template">
              <div className="min-w-0 flex-1 space-y-1">
                <p className="font-medium">
                  {template.name}
                  {!template.canManage ? <span className="ml-2 rounded bg-surface-muted px-2 py-0.5 text-xs text-fg-muted">Read-only</span> : null}
                </p>
                {template.description ? <p className="text-sm text-fg-muted">{template.description}</p> : null}
                <p className="text-sm text-fg-muted">{describePolicy(template.policy)}</p>
              </div>
              {template.canManage ? (
                <div className="flex items-center gap-1">
                  <Link href={`/templates/${template.id}/edit`} className={buttonClasses("ghost", "text-link")} aria-label={`Edit ${template.name}`}>
                    Edit
                  </Link>
                  <DeleteTemplateButton templateId={template.id} templateName={template.name} />
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
