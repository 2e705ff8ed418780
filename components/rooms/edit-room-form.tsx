"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { updateRoomAction } from "@/app/rooms/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import type { RoomView } from "@/lib/server/rooms/room-view";

export function EditRoomForm({ room }: { room: RoomView }) {
  const router = useRouter();
  const { execute, result, isPending } = useAction(updateRoomAction, {
    onSuccess: () => {
      toast.success("Room saved");
      router.refresh();
    },
    onError: ({ error }) => {
      if (error.serverError) toast.error(error.serverError);
    },
  });
  const errors = result.validationErrors as { fieldErrors?: Record<string, string[] | undefined>; formErrors?: string[] } | undefined;
  const fieldError = (name: string) => errors?.fieldErrors?.[name]?.[0] ?? errors?.fieldErrors?.[`changes.${name}`]?.[0];

  return (
    <form
      aria-label="Edit room"
      className="space-y-4"
      onSubmit={(event) => {
        event.preventDefault();
        const form = new FormData(event.currentTarget);
        execute({
          id: room.id,
          changes: {
            name: String(form.get("name") ?? ""),
            description: String(form.get("description") ?? ""),
            visibility: form.get("visibility") === "INVITE_ONLY" ? "INVITE_ONLY" : "ORG",
          },
        });
      }}
    >
      <Field id="edit-name" name="name" label="Name" defaultValue={room.name} required maxLength={80} error={fieldError("name")} />
      <Field id="edit-description" name="description" label="Description" defaultValue={room.description ?? ""} maxLength={500} error={fieldError("description")} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" name="visibility" value="INVITE_ONLY" defaultChecked={room.visibility === "INVITE_ONLY"} />
        Only invited people can see and join this room
      </label>
      {errors?.formErrors?.[0] ? <p className="text-sm text-danger-fg">{errors.formErrors[0]}</p> : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? "Saving…" : "Save changes"}
      </Button>
    </form>
  );
}
