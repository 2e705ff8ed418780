"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { deleteTemplateAction } from "@/app/templates/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function DeleteTemplateButton({ templateId, templateName }: { templateId: string; templateName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { execute, isPending } = useAction(deleteTemplateAction, {
    onSuccess: () => {
      toast.success(`Template “${templateName}” deleted`);
      setConfirming(false);
      router.refresh();
    },
    onError: ({ error }) => toast.error(error.serverError ?? "The template could not be deleted."),
  });
  return (
    <>
      <Button variant="ghost" className="text-danger-fg" aria-label={`Delete ${templateName}`} onClick={() => setConfirming(true)}>
        Delete
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete “${templateName}”?`}
        description="New rooms can no longer use it. Rooms already made from it keep their settings."
        confirmLabel="Delete template"
        confirmDisabled={isPending}
        onConfirm={() => execute({ id: templateId })}
      />
    </>
  );
}
