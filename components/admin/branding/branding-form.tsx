"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { Field, FieldNotes, describedByFor, inputClasses } from "@/components/ui/field";
import { MAX_DISPLAY_NAME, MAX_SIGN_IN_MESSAGE } from "@/lib/domain/branding/branding-input";
import { ColorField } from "./color-field";
import { type ApiFailure, sendToApi } from "./send-json";

export type BrandingFormValues = { displayName: string; signInMessage: string; primaryColor: string; accentColor: string };

/** Name, sign-in message and colours; saved with PUT /api/admin/branding, which refuses colours under AA. */
export function BrandingForm({ initial }: { initial: BrandingFormValues }) {
  const router = useRouter();
  const [values, setValues] = useState(initial);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [saving, setSaving] = useState(false);
  const set = (field: keyof BrandingFormValues) => (value: string) => setValues((current) => ({ ...current, [field]: value }));
  const errorOf = (field: keyof BrandingFormValues) => failure?.fieldErrors[field]?.[0];
  const messageError = errorOf("signInMessage");

  async function save() {
    setSaving(true);
    const result = await sendToApi("/api/admin/branding", { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(values) });
    setSaving(false);
    setFailure(result);
    if (result) return;
    toast.success("Branding saved");
    router.refresh();
  }

  const formError = failure && Object.keys(failure.fieldErrors).length === 0 ? failure.message : null;
  return (
    <form
      aria-labelledby="branding-form-heading"
      className="space-y-4"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="branding-form-heading" className="font-medium">
        Name, message and colours
      </h2>
      <Field
        id="branding-name"
        name="displayName"
        label="Organization name"
        value={values.displayName}
        onChange={(event) => set("displayName")(event.target.value)}
        required
        maxLength={MAX_DISPLAY_NAME}
        error={errorOf("displayName")}
        hint="Shown in the header, on the sign-in page, in meetings, in tab titles and in calendar invites."
      />
      <div className="space-y-1">
        <label htmlFor="branding-message" className="block text-sm font-medium text-fg">
          Sign-in page message
        </label>
        <textarea
          id="branding-message"
          name="signInMessage"
          rows={3}
          value={values.signInMessage}
          onChange={(event) => set("signInMessage")(event.target.value)}
          maxLength={MAX_SIGN_IN_MESSAGE}
          className={inputClasses}
          aria-invalid={messageError ? true : undefined}
          aria-describedby={describedByFor("branding-message", true, messageError)}
        />
        <FieldNotes id="branding-message" hint={`Optional, up to ${MAX_SIGN_IN_MESSAGE} characters.`} error={messageError} />
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <ColorField id="branding-primary" name="primaryColor" label="Primary colour" value={values.primaryColor} onChange={set("primaryColor")} error={errorOf("primaryColor")} suggestion={failure?.suggestions.primaryColor} />
        <ColorField id="branding-accent" name="accentColor" label="Accent colour" value={values.accentColor} onChange={set("accentColor")} error={errorOf("accentColor")} suggestion={failure?.suggestions.accentColor} />
      </div>
      {formError ? (
        <p role="alert" className="text-sm text-danger-fg">
          {formError}
        </p>
      ) : null}
      {failure && !formError ? (
        <p role="alert" className="text-sm text-danger-fg">
          Nothing was saved: {failure.message} See the fields above.
        </p>
      ) : null}
      <Button type="submit" disabled={saving}>
        {saving ? "Saving…" : "Save branding"}
      </Button>
    </form>
  );
}
