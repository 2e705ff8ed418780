import { AA_TEXT, contrastRatio, formatRatio, parseHex, toHex } from "./contrast";

/**
 * The light surfaces brand colours sit on as text (links on cards and on the page) and that sit on them (white
 * text on buttons): white and the page background (Tailwind slate-50). The themes engineer's dark and
 * high-contrast themes map the brand tokens on their own surfaces; these are the ones branding sets.
 */
export const BRAND_SURFACES = [
  { name: "white text and cards", hex: "#ffffff" },
  { name: "the page background", hex: "#f8fafc" },
] as const;

export type ColorVerdict =
  | { readonly ok: true; readonly ratio: number }
  | {
      readonly ok: false;
      /** The worst ratio measured, against `surface`. */
      readonly ratio: number;
      readonly surface: string;
      /** The same hue, darkened just enough to pass everywhere. */
      readonly suggestion: string;
      readonly message: string;
    };

/** The lowest ratio of `hex` against every brand surface, and which surface gave it. */
export function worstContrast(hex: string): { ratio: number; surface: string } {
  return BRAND_SURFACES.map((surface) => ({ ratio: contrastRatio(hex, surface.hex), surface: surface.name })).reduce((worst, next) =>
    next.ratio < worst.ratio ? next : worst,
  );
}

const passes = (hex: string) => worstContrast(hex).ratio >= AA_TEXT;

/**
 * The nearest passing shade of a colour: same hue and saturation (HSL), the highest lightness that keeps
 * 4.5:1 against every surface (binary search; the darkest end, lightness 0, is black and always passes).
 */
export function nearestPassingShade(hex: string): string {
  if (passes(hex)) return hex.toLowerCase();
  const { h, s, l } = toHsl(hex);
  let low = 0;
  let high = l;
  for (let i = 0; i < 24; i += 1) {
    const middle = (low + high) / 2;
    if (passes(fromHsl(h, s, middle))) low = middle;
    else high = middle;
  }
  // Rounding to whole sRGB steps can cost the last thousandth of a ratio: step down until the hex itself passes.
  let lightness = low;
  while (!passes(fromHsl(h, s, lightness))) lightness = Math.max(0, lightness - 0.002);
  return fromHsl(h, s, lightness);
}

/** Whether a brand colour keeps AA text contrast; if not, the measured ratio and the nearest shade that does. */
export function checkBrandColor(hex: string, label: string): ColorVerdict {
  const { ratio, surface } = worstContrast(hex);
  if (ratio >= AA_TEXT) return { ok: true, ratio };
  const suggestion = nearestPassingShade(hex);
  return {
    ok: false,
    ratio,
    surface,
    suggestion,
    message: `${label} ${hex.toLowerCase()} has a contrast ratio of ${formatRatio(ratio)}:1 against ${surface}; WCAG AA needs ${AA_TEXT}:1. The nearest passing shade is ${suggestion} (${formatRatio(worstContrast(suggestion).ratio)}:1).`,
  };
}

function toHsl(hex: string): { h: number; s: number; l: number } {
  const { r, g, b } = parseHex(hex);
  const [rn, gn, bn] = [r / 255, g / 255, b / 255];
  const max = Math.max(rn, gn, bn);
  const min = Math.min(rn, gn, bn);
  const l = (max + min) / 2;
  if (max === min) return { h: 0, s: 0, l };
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  const h = max === rn ? ((gn - bn) / d + (gn < bn ? 6 : 0)) / 6 : max === gn ? ((bn - rn) / d + 2) / 6 : ((rn - gn) / d + 4) / 6;
  return { h, s, l };
}

function fromHsl(h: number, s: number, l: number): string {
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number) => {
    const u = t < 0 ? t + 1 : t > 1 ? t - 1 : t;
    if (u < 1 / 6) return p + (q - p) * 6 * u;
    if (u < 1 / 2) return q;
    if (u < 2 / 3) return p + (q - p) * (2 / 3 - u) * 6;
    return p;
  };
  return toHex({ r: hue(h + 1 / 3) * 255, g: hue(h) * 255, b: hue(h - 1 / 3) * 255 });
}
