"use client";

import { useRouter } from "next/navigation";
import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { updateRoomPolicyAction } from "@/app/rooms/actions";
import { errorsFromIssues, type FormErrors } from "@/components/policy/form-errors";
import { PolicyFields } from "@/components/policy/policy-fields";
import { readPolicyForm } from "@/components/policy/policy-form-data";
import { Button } from "@/components/ui/button";
import { type RoomPolicy, roomPolicySchema } from "@/lib/domain/room-policy";

/**
 * The room's own copy of its template's policy, which the host may override here (the template is unchanged).
 * Takes effect for everyone who joins from now on: each join token carries the room's current policy.
 */
export function RoomPolicyForm({ roomId, policy }: { roomId: string; policy: RoomPolicy }) {
  const router = useRouter();
  const [errors, setErrors] = useState<FormErrors>({});
  const { execute, isPending } = useAction(updateRoomPolicyAction, {
    onSuccess: () => {
      toast.success("Meeting settings saved");
      router.refresh();
    },
    onError: ({ error }) => {
      if (error.validationErrors) setErrors(error.validationErrors);
      if (error.serverError) {
        setErrors((current) => ({ ...current, "": error.serverError! }));
        toast.error(error.serverError);
      }
    },
  });
  return (
    <form
      aria-label="Meeting settings"
      noValidate
      className="space-y-6"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = roomPolicySchema.safeParse(readPolicyForm(new FormData(event.currentTarget)));
        // Same paths as the template form ("policy.…"), so the shared fields find their errors.
        setErrors(parsed.success ? {} : errorsFromIssues(parsed.error.issues.map((issue) => ({ ...issue, path: ["policy", ...issue.path] }))));
        if (parsed.success) execute({ id: roomId, policy: parsed.data });
      }}
    >
      <PolicyFields idPrefix="room-policy" initial={policy} errors={errors} />
      {errors[""] ? (
        <p role="alert" className="text-sm text-danger-fg">
          {errors[""]}
        </p>
      ) : null}
      <Button type="submit" variant="secondary" disabled={isPending}>
        {isPending ? "Saving…" : "Save meeting settings"}
      </Button>
    </form>
  );
}
