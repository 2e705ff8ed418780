"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { AlertDialog } from "radix-ui";
import { toast } from "sonner";
import { deleteRoomAction } from "@/app/rooms/actions";
import { Button, buttonClasses } from "@/components/ui/button";

export function DeleteRoomButton({ roomId, roomName }: { roomId: string; roomName: string }) {
  const router = useRouter();
  const { execute, isPending } = useAction(deleteRoomAction, {
    onSuccess: () => {
      toast.success(`Room “${roomName}” deleted`);
      router.push("/");
    },
    onError: ({ error }) => toast.error(error.serverError ?? "The room could not be deleted."),
  });
  return (
    <AlertDialog.Root>
      <AlertDialog.Trigger asChild>
        <Button variant="danger">Delete room</Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 bg-slate-900/50" />
        <AlertDialog.Content className="fixed left-1/2 top-1/2 w-[min(90vw,420px)] -translate-x-1/2 -translate-y-1/2 space-y-4 rounded-lg bg-white p-6 shadow-xl">
          <AlertDialog.Title className="text-lg font-semibold">Delete “{roomName}”?</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-slate-700">
            The room, its join link and its invites are removed for everyone. This cannot be undone.
          </AlertDialog.Description>
          <div className="flex justify-end gap-2">
            <AlertDialog.Cancel className={buttonClasses("secondary")}>Cancel</AlertDialog.Cancel>
            <AlertDialog.Action className={buttonClasses("danger")} disabled={isPending} onClick={() => execute({ id: roomId })}>
              Delete
            </AlertDialog.Action>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}
