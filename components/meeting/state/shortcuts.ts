/** Single-key shortcuts, as in Google Meet's and Jitsi's; modifiers are left to the browser and screen readers. */
export const MEETING_SHORTCUTS = [
  { key: "m", action: "toggle-microphone", description: "Mute or unmute your microphone" },
  { key: "v", action: "toggle-camera", description: "Turn your camera on or off" },
  { key: "s", action: "toggle-screen-share", description: "Start or stop sharing your screen" },
  { key: "h", action: "toggle-hand", description: "Raise or lower your hand" },
  { key: "c", action: "toggle-chat", description: "Open or close the chat" },
  { key: "p", action: "toggle-participants", description: "Open or close the participants list" },
  { key: "l", action: "cycle-layout", description: "Switch layout (auto, grid, speaker)" },
  { key: "?", action: "show-shortcuts", description: "Show keyboard shortcuts" },
] as const;

export type ShortcutAction = (typeof MEETING_SHORTCUTS)[number]["action"];

/** The parts of a KeyboardEvent that decide whether it is a shortcut; a real event satisfies it. */
export type ShortcutKeyEvent = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  repeat: boolean;
  isComposing?: boolean;
  target: EventTarget | null;
};

type ElementLike = { tagName?: string; type?: string; isContentEditable?: boolean; closest?: (selector: string) => unknown };

const nonTextInputTypes = new Set(["button", "checkbox", "radio", "range", "submit", "reset", "color", "file", "image"]);

/**
 * Typing into a field, moving through a menu or list box (whose typeahead uses letters), or working in a modal
 * dialog must never toggle a microphone.
 */
export function keepsKeysToItself(target: EventTarget | null): boolean {
  const element = target as ElementLike | null;
  if (!element || typeof element.tagName !== "string") return false;
  const tag = element.tagName.toLowerCase();
  if (tag === "textarea" || tag === "select") return true;
  if (tag === "input") return !nonTextInputTypes.has((element.type ?? "text").toLowerCase());
  if (element.isContentEditable) return true;
  return Boolean(element.closest?.('[role="menu"], [role="listbox"], [role="combobox"], [role="dialog"], [role="alertdialog"], [contenteditable="true"]'));
}

export function shortcutFor(event: ShortcutKeyEvent): ShortcutAction | null {
  if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || event.isComposing) return null;
  if (keepsKeysToItself(event.target)) return null;
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  return MEETING_SHORTCUTS.find((shortcut) => shortcut.key === key)?.action ?? null;
}
