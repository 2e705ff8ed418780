import { redirect } from "next/navigation";
import { AppHeader } from "@/components/layout/app-header";
import { serverEnv } from "@/lib/config/server-env";
import type { RoomPolicy } from "@/lib/domain/room-policy";
import { listTemplates } from "@/lib/server/templates/list-templates";
import { currentActor } from "@/lib/server/session/current-actor";

export const dynamic = "force-dynamic";

function describePolicy(policy: RoomPolicy): string {
  const expiry =
    policy.expiry.kind === "never"
      ? "never expires"
      : `expires ${policy.expiry.days} days after the ${policy.expiry.kind === "after-scheduled-end" ? "scheduled end" : "last meeting"}`;
  return [
    policy.waitingRoom ? "waiting room" : "no waiting room",
    `joiners are ${policy.defaultRole}s`,
    policy.screenShare === "presenters" ? "hosts and presenters share" : "everyone shares",
    policy.muteOnEntry ? "muted on entry" : null,
    policy.cameraOffOnEntry ? "camera off on entry" : null,
    policy.chatEnabled ? "chat on" : "chat off",
    `recording ${policy.recording}`,
    `up to ${policy.maxParticipants}`,
    `${policy.defaultLayout} layout`,
    expiry,
  ]
    .filter(Boolean)
    .join(" · ");
}

export default async function TemplatesPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin");
  const templates = await listTemplates(actor);
  return (
    <>
      <AppHeader actor={actor} orgName={serverEnv().ORG_NAME} />
      <main id="main" className="mx-auto max-w-5xl space-y-4 px-4 py-8">
        <h1 className="text-xl font-semibold">Room templates</h1>
        {templates.length === 0 ? (
          <p className="text-sm text-slate-600">No templates yet.</p>
        ) : (
          <ul aria-label="Room templates" className="divide-y divide-slate-200 rounded-lg border border-slate-200 bg-white">
            {templates.map((template) => (
              <li key={template.id} className="space-y-1 p-3">
                <p className="font-medium">
                  {template.name}{" "}
                  <span className="rounded bg-slate-100 px-2 py-0.5 text-xs text-slate-700">
                    {template.scope === "ORG" ? "Organization" : "Personal"}
                  </span>
                </p>
                {template.description ? <p className="text-sm text-slate-700">{template.description}</p> : null}
                <p className="text-sm text-slate-600">{describePolicy(template.policy)}</p>
              </li>
            ))}
          </ul>
        )}
      </main>
    </>
  );
}
