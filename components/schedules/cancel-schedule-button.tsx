"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { cancelScheduleAction } from "@/app/schedules/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function CancelScheduleButton({ scheduleId, title }: { scheduleId: string; title: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { execute, isPending } = useAction(cancelScheduleAction, {
    onSuccess: () => {
      toast.success(`“${title}” cancelled`);
      setConfirming(false);
      router.refresh();
    },
    onError: ({ error }) => toast.error(error.serverError ?? "The meeting could not be cancelled."),
  });
  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Cancel meeting
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Cancel “${title}”?`}
        description="It disappears from everyone's Upcoming list, and its calendar file becomes a cancellation. The room stays."
        confirmLabel="Cancel meeting"
        confirmDisabled={isPending}
        onConfirm={() => execute({ id: scheduleId })}
      />
    </>
  );
}
