"use client";

import { useAction } from "next-safe-action/hooks";
import { useState } from "react";
import { toast } from "sonner";
import { inviteToRoomAction, revokeInviteAction } from "@/app/rooms/actions";
import { Button } from "@/components/ui/button";
import { inputClasses } from "@/components/ui/field";
import { parseEmailList } from "@/lib/domain/email-list";

export function InviteManager({ roomId, initialInvites }: { roomId: string; initialInvites: string[] }) {
  const [invites, setInvites] = useState(initialInvites);
  const [draft, setDraft] = useState("");
  const invite = useAction(inviteToRoomAction, {
    onSuccess: ({ data }) => {
      if (data) setInvites(data.map((entry) => entry.email));
      setDraft("");
      toast.success("Invites sent");
    },
    onError: ({ error }) => toast.error(error.serverError ?? "Check the email addresses and try again."),
  });
  const revoke = useAction(revokeInviteAction, {
    onSuccess: ({ input }) => setInvites((current) => current.filter((email) => email !== input.email)),
    onError: ({ error }) => toast.error(error.serverError ?? "The invite could not be removed."),
  });

  return (
    <section aria-labelledby="invites-heading" className="space-y-3">
      <h3 id="invites-heading" className="font-semibold">
        Invited people
      </h3>
      {invites.length === 0 ? <p className="text-sm text-fg-muted">Nobody is invited yet.</p> : null}
      <ul className="space-y-1" aria-label="Invited people">
        {invites.map((email) => (
          <li key={email} className="flex items-center justify-between rounded border border-line px-3 py-1 text-sm">
            {email}
            <Button variant="ghost" aria-label={`Remove invite for ${email}`} onClick={() => revoke.execute({ id: roomId, email })}>
              Remove
            </Button>
          </li>
        ))}
      </ul>
      <form
        className="flex gap-2"
        onSubmit={(event) => {
          event.preventDefault();
          const emails = parseEmailList(draft);
          if (emails.length > 0) invite.execute({ id: roomId, emails });
        }}
      >
        <label htmlFor="invite-emails" className="sr-only">
          Emails to invite
        </label>
        <input id="invite-emails" className={inputClasses} placeholder="name@company.com, …" value={draft} onChange={(event) => setDraft(event.target.value)} />
        <Button type="submit" variant="secondary" disabled={invite.isPending}>
          Invite
        </Button>
      </form>
    </section>
  );
}
