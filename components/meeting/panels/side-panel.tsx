"use client";

import { X } from "lucide-react";
import { type ReactNode, useEffect, useRef } from "react";

/**
 * A panel beside the videos on wide screens and over them on phones. It takes focus when it opens (so a
 * keyboard user lands in it), Escape closes it, and closing gives focus back to the control that opened it.
 */
export function SidePanel({ title, onClose, children, id }: { title: string; onClose: () => void; children: ReactNode; id: string }) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    const element = panel.current;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    const focusable = element?.querySelector<HTMLElement>("[data-autofocus]") ?? element;
    focusable?.focus({ preventScroll: true });
    return () => {
      // Focus left with the panel (or is still in it): back to the opener, unless the person has moved on.
      const active = document.activeElement;
      if (opener?.isConnected && (active === null || active === document.body || element?.contains(active))) opener.focus({ preventScroll: true });
    };
  }, []);
  return (
    <aside
      ref={panel}
      id={id}
      tabIndex={-1}
      aria-labelledby={`${id}-title`}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onClose();
        }
      }}
      className="absolute inset-0 z-20 flex flex-col bg-surface text-fg outline-none md:static md:inset-auto md:w-80 md:shrink-0 md:rounded-lg"
    >
      <header className="flex items-center justify-between border-b border-line px-4 py-3">
        <h2 id={`${id}-title`} className="font-semibold">
          {title}
        </h2>
        <button type="button" onClick={onClose} aria-label={`Close ${title.toLowerCase()}`} className="rounded-full p-1.5 text-fg-muted hover:bg-surface-muted">
          <X aria-hidden className="size-5" />
        </button>
      </header>
      {children}
    </aside>
  );
}
