import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { TemplateForm } from "@/components/templates/template-form";
import { AppError } from "@/lib/server/http/app-error";
import { currentActor } from "@/lib/server/session/current-actor";
import { getTemplate } from "@/lib/server/templates/get-template";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Edit template" };

type Props = { params: Promise<{ id: string }> };

/** Managers get the form; others may read an org template but are told why they cannot change it. */
export default async function EditTemplatePage({ params }: Props) {
  const { id } = await params;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=/templates/${encodeURIComponent(id)}/edit`);
  const template = await getTemplate(actor, id).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-2xl space-y-4 px-4 py-8">
        <Link href="/templates" className="text-sm font-medium text-link hover:underline">
          ← All templates
        </Link>
        <h1 className="text-xl font-semibold">Edit “{template.name}”</h1>
        {template.canManage ? (
          <TemplateForm mode="edit" template={template} />
        ) : (
          <p role="alert" className="rounded-md border border-warning-line bg-warning-soft p-3 text-sm text-warning-fg">
            Only admins change organization templates. You can still create rooms from it.
          </p>
        )}
      </main>
    </>
  );
}
