"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { sendToApi } from "./send-json";

/** Back to a fresh install's branding (DELETE /api/admin/branding), after a confirmation. */
export function ResetBrandingButton() {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-1">
      <Button variant="secondary" onClick={() => setOpen(true)}>
        Restore defaults
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-danger-fg">
          {error}
        </p>
      ) : null}
      <ConfirmDialog
        open={open}
        onOpenChange={setOpen}
        title="Restore the default branding?"
        description="The name goes back to the installation's default, the colours to the built-in ones, and the logo and sign-in message are removed."
        confirmLabel="Restore defaults"
        onConfirm={async () => {
          const failure = await sendToApi("/api/admin/branding", { method: "DELETE" });
          setError(failure?.message ?? null);
          if (failure) return;
          toast.success("Default branding restored");
          router.refresh();
        }}
      />
    </div>
  );
}
