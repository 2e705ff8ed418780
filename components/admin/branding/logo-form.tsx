"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { FieldNotes, describedByFor } from "@/components/ui/field";
import { LOGO_TYPES, MAX_LOGO_BYTES } from "@/lib/domain/branding/branding-input";
import { sendToApi } from "./send-json";

const HINT = `PNG, JPEG or WebP, up to ${MAX_LOGO_BYTES / 1024} KB; square works best. SVG is not accepted.`;

/** Upload (PUT /api/admin/branding/logo, the raw file) or remove the logo; the server checks type and size again. */
export function LogoForm({ logoUrl }: { logoUrl: string | null }) {
  const router = useRouter();
  const id = useId();
  const inputId = `${id}-logo`;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(init: RequestInit, done: string) {
    setBusy(true);
    const failure = await sendToApi("/api/admin/branding/logo", init);
    setBusy(false);
    setError(failure?.message ?? null);
    if (failure) return;
    toast.success(done);
    router.refresh();
  }

  return (
    <form
      aria-labelledby={`${id}-heading`}
      className="space-y-3"
      onSubmit={(event) => {
        event.preventDefault();
        const file = new FormData(event.currentTarget).get("logo");
        if (!(file instanceof File) || file.size === 0) return setError("Choose an image file first.");
        if (file.size > MAX_LOGO_BYTES) return setError(`That file is ${Math.ceil(file.size / 1024)} KB; the logo may be at most ${MAX_LOGO_BYTES / 1024} KB.`);
        void send({ method: "PUT", headers: { "content-type": file.type || "application/octet-stream" }, body: file }, "Logo saved");
      }}
    >
      <h2 id={`${id}-heading`} className="font-medium">
        Logo
      </h2>
      <div className="flex items-center gap-3">
        {logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- our own public logo route
          <img src={logoUrl} alt="Current logo" className="size-16 rounded-md border border-line object-contain" />
        ) : (
          <p className="text-sm text-fg-muted">No logo yet: the name&apos;s initial is shown instead.</p>
        )}
      </div>
      <div className="space-y-1">
        <label htmlFor={inputId} className="block text-sm font-medium text-fg">
          Logo file
        </label>
        <input
          id={inputId}
          name="logo"
          type="file"
          accept={LOGO_TYPES.join(",")}
          className="block text-sm text-fg"
          aria-invalid={error ? true : undefined}
          aria-describedby={describedByFor(inputId, HINT, error)}
        />
        <FieldNotes id={inputId} hint={HINT} error={error ?? undefined} />
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={busy}>
          {busy ? "Uploading…" : "Upload logo"}
        </Button>
        {logoUrl ? (
          <Button variant="secondary" disabled={busy} onClick={() => void send({ method: "DELETE" }, "Logo removed")}>
            Remove logo
          </Button>
        ) : null}
      </div>
    </form>
  );
}
