import { describe, expect, it } from "vitest";
import { parseThemeChoice, resolveTheme, type Theme, type ThemeChoice } from "@/lib/domain/theme";

const none = { prefersDark: false, prefersMoreContrast: false };
const dark = { prefersDark: true, prefersMoreContrast: false };
const contrast = { prefersDark: false, prefersMoreContrast: true };
const darkAndContrast = { prefersDark: true, prefersMoreContrast: true };

describe("resolveTheme", () => {
  it.each<[ThemeChoice, typeof none, Theme]>([
    ["system", none, "light"],
    ["system", dark, "dark"],
    ["system", contrast, "contrast"],
    ["system", darkAndContrast, "contrast"],
    ["light", dark, "light"],
    ["light", darkAndContrast, "light"],
    ["dark", none, "dark"],
    ["dark", contrast, "dark"],
    ["contrast", none, "contrast"],
    ["contrast", dark, "contrast"],
  ])("%s with %o draws %s", (choice, system, theme) => {
    expect(resolveTheme(choice, system)).toBe(theme);
  });
});

describe("parseThemeChoice", () => {
  it("reads each choice", () => {
    expect(["system", "light", "dark", "contrast"].map((value) => parseThemeChoice(value))).toEqual(["system", "light", "dark", "contrast"]);
  });

  it("refuses what is not a choice", () => {
    expect(parseThemeChoice(undefined)).toBeNull();
    expect(parseThemeChoice("")).toBeNull();
    expect(parseThemeChoice("DARK")).toBeNull();
    expect(parseThemeChoice("dark; path=/")).toBeNull();
  });
});
