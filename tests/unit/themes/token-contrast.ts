import { readFileSync } from "node:fs";

/** Reads app/globals.css into each theme's `--color-*` values (light, then the dark and contrast overrides). */
export function themeTokens(cssPath: string): Record<"light" | "dark" | "contrast", Map<string, string>> {
  const css = readFileSync(cssPath, "utf8");
  const light = declarations(blockAfter(css, "@theme static {"));
  const override = (marker: string) => new Map([...light, ...declarations(blockAfter(css, marker))]);
  return { light, dark: override("@variant theme-dark {"), contrast: override("@variant theme-contrast {") };
}

function blockAfter(css: string, marker: string): string {
  const start = css.indexOf(marker);
  if (start < 0) throw new Error(`no "${marker}" in the stylesheet`);
  let depth = 0;
  for (let index = start + marker.length - 1; index < css.length; index++) {
    if (css[index] === "{") depth++;
    if (css[index] === "}" && --depth === 0) return css.slice(start + marker.length, index);
  }
  throw new Error(`"${marker}" is not closed`);
}

function declarations(block: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const [, name = "", value = ""] of block.replace(/\/\*[\s\S]*?\*\//g, "").matchAll(/--(color-[\w-]+):\s*([^;]+);/g)) found.set(name, value.trim());
  return found;
}

type Linear = [number, number, number];

/** A token's colour as linear-light sRGB, following var() and color-mix(in oklab, …) like the browser does. */
export function linearColour(tokens: Map<string, string>, value: string): Linear {
  const [, name] = /^var\(--([\w-]+)\)$/.exec(value) ?? [];
  if (name) {
    const target = tokens.get(name);
    if (!target) throw new Error(`unknown token ${name}`);
    return linearColour(tokens, target);
  }
  const [, first, share, second] = /^color-mix\(in oklab, (.+?) (\d+)%, (.+)\)$/.exec(value) ?? [];
  if (first && share && second) return mixOklab(linearColour(tokens, first), linearColour(tokens, second), Number(share) / 100);
  const [, hex] = /^#([0-9a-f]{6})$/i.exec(value) ?? [];
  if (!hex) throw new Error(`cannot read colour ${value}`);
  return [0, 2, 4].map((at) => toLinear(parseInt(hex.slice(at, at + 2), 16) / 255)) as Linear;
}

const toLinear = (channel: number) => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);

function toOklab([r, g, b]: Linear): Linear {
  const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
  const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
  const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
  return [0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s, 1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s, 0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s];
}

function fromOklab([L, a, b]: Linear): Linear {
  const l = (L + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (L - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (L - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const clamp = (channel: number) => Math.min(1, Math.max(0, channel));
  return [clamp(4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s), clamp(-1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s), clamp(-0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s)];
}

function mixOklab(first: Linear, second: Linear, firstShare: number): Linear {
  const [a, b] = [toOklab(first), toOklab(second)];
  return fromOklab([a[0] * firstShare + b[0] * (1 - firstShare), a[1] * firstShare + b[1] * (1 - firstShare), a[2] * firstShare + b[2] * (1 - firstShare)]);
}

/** The WCAG 2.1 contrast ratio of two tokens in one theme. */
export function contrastRatio(tokens: Map<string, string>, foreground: string, background: string): number {
  const luminance = (token: string) => {
    const [r, g, b] = linearColour(tokens, `var(--color-${token})`);
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [one, other] = [luminance(foreground), luminance(background)];
  return (Math.max(one, other) + 0.05) / (Math.min(one, other) + 0.05);
}
