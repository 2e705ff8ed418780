import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { contrastRatio, themeTokens } from "./token-contrast";

const root = path.resolve(__dirname, "../../..");
const themes = themeTokens(path.join(root, "app/globals.css"));

/** Text token on the backgrounds it is used on, and the ratio it needs (AA; high contrast aims at AAA). */
const textPairs: [string, string[]][] = [
  ["fg", ["canvas", "surface", "surface-muted", "surface-strong", "primary-soft", "warning-soft", "danger-soft"]],
  ["fg-muted", ["canvas", "surface", "surface-muted", "surface-strong"]],
  ["link", ["canvas", "surface", "surface-muted"]],
  ["on-primary", ["primary", "primary-hover"]],
  ["on-danger", ["danger", "danger-hover"]],
  ["on-warning", ["warning"]],
  ["primary-soft-fg", ["primary-soft", "surface"]],
  ["danger-fg", ["surface", "canvas", "danger-soft", "surface-muted"]],
  ["warning-fg", ["surface", "canvas", "warning-soft"]],
  ["success-fg", ["surface", "success-soft"]],
  ["stage-fg", ["stage", "stage-raised", "stage-scrim", "stage-control", "stage-control-hover", "stage-muted", "primary", "danger"]],
  ["stage-fg-muted", ["stage", "stage-raised"]],
  ["stage-accent", ["stage-scrim"]],
];

describe.each(Object.entries(themes))("the %s theme", (theme, tokens) => {
  const needed = theme === "contrast" ? 7 : 4.5;
  it.each(textPairs)(`%s text reads at ${needed}:1 or more on its backgrounds`, (foreground, backgrounds) => {
    const short = backgrounds.map((background) => [background, Number(contrastRatio(tokens, foreground, background).toFixed(2))] as const).filter(([, ratio]) => ratio < needed);
    expect(short).toEqual([]);
  });

  it("draws chart series at 3:1 or more against the surface", () => {
    const short = [1, 2, 3, 4, 5].map((series) => [series, contrastRatio(tokens, `chart-${series}`, "surface")] as const).filter(([, ratio]) => ratio < 3);
    expect(short).toEqual([]);
  });
});

/** Every .ts/.tsx file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(full);
    return /\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe("components and pages", () => {
  const palette = /\b(?:bg|text|border|ring|outline|divide|fill|stroke|from|via|to|placeholder|accent|caret|decoration|shadow)-(?:slate|gray|zinc|neutral|stone|red|orange|amber|yellow|lime|green|emerald|teal|cyan|sky|blue|indigo|violet|purple|fuchsia|pink|rose|white|black|brand)\b/;
  const literal = /["'`]#[0-9a-f]{3,8}\b|rgba?\(|hsla?\(/i;

  it("use design tokens, never a palette colour or a colour literal", () => {
    const offenders = ["components", "app"]
      .flatMap((dir) => sources(path.join(root, dir)))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, index) => (palette.test(line) || literal.test(line) ? [`${path.relative(root, file)}:${index + 1}: ${line.trim()}`] : [])),
      );
    expect(offenders).toEqual([]);
  });
});
