"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { createTemplateAction, updateTemplateAction } from "@/app/templates/actions";
import { errorsFromIssues, type FormErrors } from "@/components/policy/form-errors";
import { PolicyFields } from "@/components/policy/policy-fields";
import { readPolicyForm } from "@/components/policy/policy-form-data";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { defaultRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { createTemplateInputSchema, updateTemplateInputSchema } from "@/lib/domain/template-input";

export type EditableTemplate = { id: string; name: string; description: string | null; scope: "ORG" | "PERSONAL"; policy: RoomPolicy };

type Props =
  /** `canCreateOrg`: admins may pick the organization scope (the server checks it again). */
  { mode: "create"; canCreateOrg: boolean; template?: never } | { mode: "edit"; template: EditableTemplate; canCreateOrg?: never };

/**
 * Create or edit a template. The browser validates with the API's own zod schemas (inline errors at once); the
 * server action validates again and its errors land on the same fields.
 */
export function TemplateForm(props: Props) {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({});
  const callbacks = {
    onSuccess: ({ data }: { data?: { name: string } }) => {
      if (!data) return;
      toast.success(props.mode === "create" ? `Template “${data.name}” created` : `Template “${data.name}” saved`);
      router.push("/templates");
      router.refresh();
    },
    onError: ({ error }: { error: { serverError?: string; validationErrors?: FormErrors } }) => {
      if (error.validationErrors) setErrors(error.validationErrors);
      if (error.serverError) {
        setErrors((current) => ({ ...current, "": error.serverError! }));
        toast.error(error.serverError);
      }
    },
  };
  const create = useAction(createTemplateAction, callbacks);
  const update = useAction(updateTemplateAction, callbacks);
  const isPending = create.isPending || update.isPending;
  const initial = props.template;

  return (
    <form
      aria-label={props.mode === "create" ? "New template" : "Edit template"}
      noValidate
      className="space-y-6 rounded-lg border border-line bg-surface p-6 shadow-sm"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        const fields = {
          name: String(form.get("name") ?? ""),
          description: String(form.get("description") ?? ""),
          policy: readPolicyForm(form),
        };
        if (props.mode === "create") {
          const input = { ...fields, scope: form.get("scope") === "ORG" ? "ORG" : "PERSONAL" };
          const parsed = createTemplateInputSchema.safeParse(input);
          setErrors(parsed.success ? {} : errorsFromIssues(parsed.error.issues));
          if (parsed.success) create.execute(parsed.data);
        } else {
          const parsed = updateTemplateInputSchema.safeParse(fields);
          setErrors(parsed.success ? {} : errorsFromIssues(parsed.error.issues));
          if (parsed.success) update.execute({ id: props.template.id, changes: parsed.data });
        }
      }}
    >
      <div className="space-y-4">
        <Field id="template-name" name="name" label="Template name" required maxLength={80} defaultValue={initial?.name} error={errors.name} />
        <Field id="template-description" name="description" label="Description" maxLength={500} defaultValue={initial?.description ?? ""} error={errors.description} />
        {props.mode === "create" && props.canCreateOrg ? (
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-fg">Who can use it</legend>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" value="PERSONAL" defaultChecked />
              Only me (personal)
            </label>
            <label className="flex items-center gap-2 text-sm">
              <input type="radio" name="scope" value="ORG" />
              Everyone in the organization
            </label>
          </fieldset>
        ) : null}
      </div>
      <PolicyFields idPrefix="template" initial={initial?.policy ?? defaultRoomPolicy} errors={errors} />
      {errors[""] ? (
        <p role="alert" className="text-sm text-danger-fg">
          {errors[""]}
        </p>
      ) : null}
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : props.mode === "create" ? "Create template" : "Save template"}
      </Button>
    </form>
  );
}
