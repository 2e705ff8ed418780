"use client";

import { useEffect, useId, useState } from "react";
import { z } from "zod";
import { inputClasses } from "@/components/ui/field";

const directoryUsersSchema = z.array(z.object({ id: z.string(), name: z.string(), email: z.string().nullable() }));
export type Invitee = z.infer<typeof directoryUsersSchema>[number];

/**
 * Directory combobox (WAI-ARIA combobox pattern with a listbox popup): type to search GET /api/users, arrows to
 * move, Enter to add, Escape to close. Picked people appear as a list with remove buttons.
 */
export function InviteePicker({ value, onChange }: { value: Invitee[]; onChange: (next: Invitee[]) => void }) {
  const id = useId();
  const listboxId = `${id}-listbox`;
  const [query, setQuery] = useState("");
  const [results, setResults] = useState<Invitee[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [status, setStatus] = useState<"idle" | "loading" | "error">("idle");

  useEffect(() => {
    const term = query.trim();
    if (!term) return;
    const controller = new AbortController();
    // Debounced so typing a name costs one request, not one per keystroke.
    const timer = setTimeout(async () => {
      setStatus("loading");
      try {
        const response = await fetch(`/api/users?query=${encodeURIComponent(term)}&limit=10`, { signal: controller.signal });
        if (!response.ok) throw new Error(`Directory search failed (${response.status})`);
        setResults(directoryUsersSchema.parse(await response.json()));
        setActive(0);
        setStatus("idle");
      } catch (error) {
        if (!controller.signal.aborted) {
          console.warn(error);
          setStatus("error");
        }
      }
    }, 200);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  const chosen = new Set(value.map((person) => person.id));
  const options = query.trim() ? results.filter((person) => !chosen.has(person.id)) : [];
  const expanded = open && options.length > 0;

  function pick(person: Invitee) {
    onChange([...value, person]);
    setQuery("");
    setResults([]);
    setOpen(false);
  }

  return (
    <div className="space-y-2">
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-fg">
        Invite people
      </label>
      <div className="relative">
        <input
          id={`${id}-input`}
          type="text"
          role="combobox"
          autoComplete="off"
          aria-autocomplete="list"
          aria-expanded={expanded}
          aria-controls={listboxId}
          aria-activedescendant={expanded ? `${id}-option-${options[active]?.id}` : undefined}
          aria-describedby={`${id}-status`}
          placeholder="Search by name or email"
          className={inputClasses}
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setOpen(true);
          }}
          onBlur={() => setOpen(false)}
          onKeyDown={(event) => {
            if (event.key === "ArrowDown") {
              event.preventDefault();
              setOpen(true);
              setActive((index) => Math.min(index + 1, Math.max(options.length - 1, 0)));
            } else if (event.key === "ArrowUp") {
              event.preventDefault();
              setActive((index) => Math.max(index - 1, 0));
            } else if (event.key === "Enter") {
              // Enter picks the highlighted person instead of submitting the whole form.
              if (expanded && options[active]) {
                event.preventDefault();
                pick(options[active]);
              }
            } else if (event.key === "Escape") {
              setOpen(false);
            }
          }}
        />
        <ul
          id={listboxId}
          role="listbox"
          aria-label="Directory matches"
          hidden={!expanded}
          className="absolute z-10 mt-1 max-h-60 w-full overflow-auto rounded-md border border-line bg-surface shadow-lg"
        >
          {options.map((person, index) => (
            <li
              key={person.id}
              id={`${id}-option-${person.id}`}
              role="option"
              aria-selected={index === active}
              className={`cursor-pointer px-3 py-2 text-sm ${index === active ? "bg-primary-soft text-primary-soft-fg" : "text-fg"}`}
              // mousedown, not click: it fires before the input's blur closes the list.
              onMouseDown={(event) => {
                event.preventDefault();
                pick(person);
              }}
              onMouseEnter={() => setActive(index)}
            >
              {person.name}
              {person.email ? <span className="text-fg-muted"> · {person.email}</span> : null}
            </li>
          ))}
        </ul>
      </div>
      <p id={`${id}-status`} className="text-xs text-fg-muted" aria-live="polite">
        {status === "loading" ? "Searching…" : status === "error" ? "The directory search failed; try again." : open && query.trim() && options.length === 0 ? "No matches." : ""}
      </p>
      {value.length > 0 ? (
        <ul aria-label="Invitees" className="flex flex-wrap gap-2">
          {value.map((person) => (
            <li key={person.id} className="flex items-center gap-1 rounded-full bg-surface-muted py-1 pr-1 pl-3 text-sm">
              {person.name}
              <button
                type="button"
                className="rounded-full px-2 text-fg-muted hover:bg-surface-strong"
                aria-label={`Remove ${person.name}`}
                onClick={() => onChange(value.filter((other) => other.id !== person.id))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
