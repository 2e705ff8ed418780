"use client";

// The actions revalidate the whole app layout, so the list and both unread badges re-render without a refresh.

import { useAction } from "next-safe-action/hooks";
import { toast } from "sonner";
import { markAlertReadAction, markAllAlertsReadAction } from "@/app/admin/alerts/actions";
import { Button } from "@/components/ui/button";

export function MarkAlertReadButton({ alertId, title }: { alertId: string; title: string }) {
  const { execute, isPending } = useAction(markAlertReadAction, {
    onError: ({ error }) => toast.error(error.serverError ?? "The alert could not be marked read."),
  });
  return (
    <Button variant="secondary" className="px-2 py-1 text-xs" disabled={isPending} aria-label={`Mark “${title}” read`} onClick={() => execute({ id: alertId })}>
      Mark read
    </Button>
  );
}

/** `upTo` is the page's render time: alerts raised after it stay unread until the admin has seen them. */
export function MarkAllAlertsReadButton({ upTo }: { upTo: string }) {
  const { execute, isPending } = useAction(markAllAlertsReadAction, {
    onSuccess: ({ data }) => toast.success(`${data?.marked ?? 0} alert(s) marked read`),
    onError: ({ error }) => toast.error(error.serverError ?? "The alerts could not be marked read."),
  });
  return (
    <Button variant="secondary" disabled={isPending} onClick={() => execute({ upTo })}>
      Mark all read
    </Button>
  );
}
