/** A plain GET form (no client JS): submitting reloads the page with ?from=&to=. */
export function DateRangeForm({ action, from, to, children }: { action: string; from: string; to: string; children?: React.ReactNode }) {
  return (
    <form action={action} method="get" className="flex flex-wrap items-end gap-3 rounded-md border border-line bg-surface p-3 text-sm">
      <label className="flex flex-col gap-1">
        From
        <input type="date" name="from" defaultValue={from} required className="rounded border border-line-strong px-2 py-1" />
      </label>
      <label className="flex flex-col gap-1">
        To
        <input type="date" name="to" defaultValue={to} required className="rounded border border-line-strong px-2 py-1" />
      </label>
      {children}
      <button type="submit" className="rounded bg-primary px-3 py-1.5 font-medium text-on-primary">
        Apply
      </button>
    </form>
  );
}
