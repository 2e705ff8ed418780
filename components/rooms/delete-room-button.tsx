"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { deleteRoomAction } from "@/app/rooms/actions";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";

export function DeleteRoomButton({ roomId, roomName }: { roomId: string; roomName: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { execute, isPending } = useAction(deleteRoomAction, {
    onSuccess: () => {
      toast.success(`Room “${roomName}” deleted`);
      router.push("/");
    },
    onError: ({ error }) => toast.error(error.serverError ?? "The room could not be deleted."),
  });
  return (
    <>
      <Button variant="danger" onClick={() => setConfirming(true)}>
        Delete room
      </Button>
      <ConfirmDialog
        open={confirming}
        onOpenChange={setConfirming}
        title={`Delete “${roomName}”?`}
        description="The room, its join link and its invites are removed for everyone. This cannot be undone."
        confirmLabel="Delete"
        confirmDisabled={isPending}
        onConfirm={() => execute({ id: roomId })}
      />
    </>
  );
}
