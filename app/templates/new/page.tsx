import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { TemplateForm } from "@/components/templates/template-form";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New template" };

export default async function NewTemplatePage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=/templates/new");
  return (
    <>
      <AppHeader actor={actor} />
      <main id="main" className="mx-auto max-w-2xl space-y-4 px-4 py-8">
        <Link href="/templates" className="text-sm font-medium text-link hover:underline">
          ← All templates
        </Link>
        <h1 className="text-xl font-semibold">New template</h1>
        <TemplateForm mode="create" canCreateOrg={actor.role === "admin"} />
      </main>
    </>
  );
}
