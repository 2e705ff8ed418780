/**
 * A visually hidden polite log: screen readers read each new entry once, after what they are saying. Keeping
 * the last few entries (rather than replacing one text) makes a repeated message, like a second "Anna joined",
 * count as new.
 */
export function LiveAnnouncer({ entries }: { entries: readonly { id: number; text: string }[] }) {
  return (
    <div role="log" aria-live="polite" aria-label="Meeting announcements" className="sr-only">
      {entries.map((entry) => (
        <p key={entry.id}>{entry.text}</p>
      ))}
    </div>
  );
}
