import type { Notice } from "./state/meeting-notices";

/** Arrivals or departures closer together than this are told as one notice. */
export const BURST_WINDOW_MS = 1_500;
/** Names told in a combined notice before "and N others". */
const NAMED = 2;

/** "Ann joined", "Ann and Ben joined", "Ann, Ben and 3 others joined". */
export function burstText(kind: "joined" | "left", names: readonly string[]): string {
  if (names.length === 1) return `${names[0]} ${kind}`;
  if (names.length <= NAMED + 1) return `${names.slice(0, -1).join(", ")} and ${names.at(-1)} ${kind}`;
  const others = names.length - NAMED;
  return `${names.slice(0, NAMED).join(", ")} and ${others} others ${kind}`;
}

/**
 * Tells notices as they come, except arrivals and departures: the first of a kind is told at once, and those
 * that follow within BURST_WINDOW_MS are held and told together when the window closes ("Ann, Ben and 3 others
 * joined"), so fifty people joining an all-hands make a few toasts and announcements, not fifty.
 */
export class NoticeBurst {
  private readonly open = new Map<"joined" | "left", { names: string[]; timer: ReturnType<typeof setTimeout> | null }>();

  constructor(private readonly tell: (notice: Notice) => void) {}

  push(notice: Notice): void {
    const burst = notice.burst;
    if (!burst) return this.tell(notice);
    const window = this.open.get(burst.kind);
    if (window) {
      window.names.push(burst.name);
      return;
    }
    this.tell(notice);
    this.open.set(burst.kind, { names: [], timer: setTimeout(() => this.close(burst.kind, notice.toast), BURST_WINDOW_MS) });
  }

  /** Whatever is held goes out now (the meeting ends, the page goes away). */
  flush(): void {
    for (const kind of [...this.open.keys()]) this.close(kind, "info");
  }

  private close(kind: "joined" | "left", toast: Notice["toast"]): void {
    const window = this.open.get(kind);
    if (!window) return;
    if (window.timer) clearTimeout(window.timer);
    this.open.delete(kind);
    if (window.names.length > 0) this.tell({ text: burstText(kind, window.names), toast });
  }
}
