"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { createRoomAction } from "@/app/rooms/actions";
import { Button } from "@/components/ui/button";
import { Field, inputClasses } from "@/components/ui/field";
import { parseEmailList } from "@/lib/domain/email-list";

export type RoomTemplateOption = { id: string; name: string; scope: "ORG" | "PERSONAL" };

/** `templates`: the org templates and the viewer's own, passed by the server; the room copies the chosen policy. */
export function CreateRoomForm({ templates = [] }: { templates?: RoomTemplateOption[] }) {
  const router = useRouter();
  const [visibility, setVisibility] = useState<"ORG" | "INVITE_ONLY">("ORG");
  const { execute, result, isPending } = useAction(createRoomAction, {
    onSuccess: ({ data }) => {
      if (!data) return;
      toast.success(`Room “${data.name}” created`);
      router.push(`/rooms/${data.slug}`);
    },
    onError: ({ error }) => {
      if (error.serverError) toast.error(error.serverError);
    },
  });
  const fieldErrors = result.validationErrors?.fieldErrors as Record<string, string[] | undefined> | undefined;

  return (
    <form
      aria-label="Create a room"
      className="space-y-4 rounded-lg border border-line bg-surface p-4 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({
          name: String(form.get("name") ?? ""),
          description: String(form.get("description") ?? "") || undefined,
          visibility,
          templateId: String(form.get("templateId") ?? "") || undefined,
          invites: visibility === "INVITE_ONLY" ? parseEmailList(String(form.get("invites") ?? "")) : [],
        });
      }}
    >
      <h2 className="text-lg font-semibold">New room</h2>
      <Field id="room-name" name="name" label="Name" required maxLength={80} error={fieldErrors?.name?.[0]} />
      <Field id="room-description" name="description" label="Description (optional)" maxLength={500} error={fieldErrors?.description?.[0]} />
      {templates.length > 0 ? (
        <div className="space-y-1">
          <label htmlFor="room-template" className="block text-sm font-medium text-fg">
            Template
          </label>
          <select id="room-template" name="templateId" className={inputClasses} defaultValue="">
            <option value="">Default settings</option>
            {templates.map((template) => (
              <option key={template.id} value={template.id}>
                {template.name}
                {template.scope === "PERSONAL" ? " (personal)" : ""}
              </option>
            ))}
          </select>
          {fieldErrors?.templateId?.[0] ? <p className="text-sm text-danger-fg">{fieldErrors.templateId[0]}</p> : null}
        </div>
      ) : null}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-fg">Who can join</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="visibility" value="ORG" checked={visibility === "ORG"} onChange={() => setVisibility("ORG")} />
          Everyone in the organization
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="visibility" value="INVITE_ONLY" checked={visibility === "INVITE_ONLY"} onChange={() => setVisibility("INVITE_ONLY")} />
          Only people I invite
        </label>
      </fieldset>
      {visibility === "INVITE_ONLY" ? (
        <div className="space-y-1">
          <label htmlFor="room-invites" className="block text-sm font-medium text-fg">
            Invite (emails, separated by commas or new lines)
          </label>
          <textarea id="room-invites" name="invites" rows={3} className={inputClasses} />
          {fieldErrors?.invites?.[0] ? <p className="text-sm text-danger-fg">{fieldErrors.invites[0]}</p> : null}
        </div>
      ) : null}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Creating…" : "Create room"}
      </Button>
    </form>
  );
}
