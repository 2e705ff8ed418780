"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

/** Deletes the recording for everyone after a confirmation, then goes back to the list. */
export function DeleteRecordingButton({ id }: { id: string }) {
  const router = useRouter();
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  async function remove() {
    if (!window.confirm("Delete this recording for everyone? This cannot be undone.")) return;
    setState({ busy: true, error: null });
    const response = await fetch(`/api/recordings/${encodeURIComponent(id)}`, { method: "DELETE" }).catch(() => null);
    if (response?.ok) {
      router.push("/recordings");
      router.refresh();
      return;
    }
    const body = (await response?.json().catch(() => null)) as { error?: { message?: string } } | null;
    setState({ busy: false, error: body?.error?.message ?? "Could not delete the recording. Try again." });
  }
  return (
    <div className="space-y-1">
      <button type="button" onClick={remove} disabled={state.busy} className="rounded-md border border-danger-line px-3 py-1.5 text-sm font-medium text-danger-fg hover:bg-danger-soft disabled:opacity-50">
        {state.busy ? "Deleting…" : "Delete recording"}
      </button>
      {state.error ? (
        <p role="alert" className="text-sm text-danger-fg">
          {state.error}
        </p>
      ) : null}
    </div>
  );
}
