import { describe, expect, it } from "vitest";
import { keepsKeysToItself, MEETING_SHORTCUTS, type ShortcutKeyEvent, shortcutFor } from "@/components/meeting/state/shortcuts";

type FakeElement = { tagName: string; type?: string; isContentEditable?: boolean; closest: (selector: string) => unknown };

function element(tagName: string, options: { type?: string; editable?: boolean; inside?: string } = {}): FakeElement {
  return {
    tagName: tagName.toUpperCase(),
    type: options.type,
    isContentEditable: options.editable ?? false,
    closest: (selector) => (options.inside && selector.includes(`[role="${options.inside}"]`) ? {} : null),
  };
}

function key(value: string, overrides: Partial<ShortcutKeyEvent> = {}): ShortcutKeyEvent {
  return { key: value, ctrlKey: false, metaKey: false, altKey: false, repeat: false, target: element("body") as unknown as EventTarget, ...overrides };
}

describe("shortcutFor", () => {
  it("maps each documented key, in either case", () => {
    for (const shortcut of MEETING_SHORTCUTS) expect(shortcutFor(key(shortcut.key))).toBe(shortcut.action);
    expect(shortcutFor(key("M"))).toBe("toggle-microphone");
    expect(shortcutFor(key("?"))).toBe("show-shortcuts");
    expect(shortcutFor(key("x"))).toBeNull();
  });

  it("leaves modified keys and auto-repeat alone", () => {
    expect(shortcutFor(key("c", { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(key("v", { metaKey: true }))).toBeNull();
    expect(shortcutFor(key("m", { altKey: true }))).toBeNull();
    expect(shortcutFor(key("m", { repeat: true }))).toBeNull();
    expect(shortcutFor(key("m", { isComposing: true }))).toBeNull();
  });

  it("never fires while typing, in menus or in dialogs", () => {
    const typing = [element("input"), element("input", { type: "search" }), element("textarea"), element("select"), element("div", { editable: true })];
    for (const target of typing) expect(shortcutFor(key("m", { target: target as unknown as EventTarget }))).toBeNull();
    for (const role of ["menu", "listbox", "dialog", "alertdialog"]) {
      expect(keepsKeysToItself(element("button", { inside: role }) as unknown as EventTarget)).toBe(true);
    }
  });

  it("fires from buttons and check boxes, which do not take letters", () => {
    expect(shortcutFor(key("h", { target: element("button") as unknown as EventTarget }))).toBe("toggle-hand");
    expect(shortcutFor(key("h", { target: element("input", { type: "checkbox" }) as unknown as EventTarget }))).toBe("toggle-hand");
    expect(shortcutFor(key("h", { target: null }))).toBe("toggle-hand");
  });
});
