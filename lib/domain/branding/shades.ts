import { AA_TEXT, contrastRatio, parseHex, type Rgb, toHex } from "./contrast";

/** `t` of the way from `from` to `to` (0 keeps `from`), in sRGB. */
export function mix(from: Rgb, to: Rgb, t: number): Rgb {
  // Whole sRGB steps, so every check below measures exactly the colour that is written out.
  const channel = (a: number, b: number) => Math.round(a + (b - a) * t);
  return { r: channel(from.r, to.r), g: channel(from.g, to.g), b: channel(from.b, to.b) };
}

const WHITE: Rgb = { r: 255, g: 255, b: 255 };
const BLACK: Rgb = { r: 0, g: 0, b: 0 };

/** The steps the components use (`bg-brand-700 text-white`, `text-brand-700`, `bg-brand-100 text-brand-800`…). */
export type ColorScale = { readonly 50: string; readonly 100: string; readonly 600: string; readonly 700: string; readonly 800: string };

/**
 * The scale around a chosen colour, which becomes step 700 (buttons with white text, links on light surfaces).
 * Each derived step keeps the pairs the components use at AA, given a 700 that passes against white:
 * - 600 (active controls with white text): the lightest tint up to 15 % towards white that still holds 4.5:1
 *   with white;
 * - 800 (hover, text on the 50/100 tints): 25 % towards black, darker still if needed for 4.5:1 on the 100 tint;
 * - 100 and 50: tints 85 % and 93 % towards white (backgrounds, and light text on the dark meeting stage).
 */
export function deriveScale(hex: string): ColorScale {
  const base = parseHex(hex);
  let tint600 = base;
  for (let t = 0.15; t > 0; t -= 0.01) {
    const candidate = mix(base, WHITE, t);
    if (contrastRatio(candidate, WHITE) >= AA_TEXT) {
      tint600 = candidate;
      break;
    }
  }
  const tint100 = mix(base, WHITE, 0.85);
  let shade800 = mix(base, BLACK, 0.25);
  for (let t = 0.3; contrastRatio(shade800, tint100) < AA_TEXT && t <= 1; t += 0.05) shade800 = mix(base, BLACK, t);
  return { 50: toHex(mix(base, WHITE, 0.93)), 100: toHex(tint100), 600: toHex(tint600), 700: toHex(base), 800: toHex(shade800) };
}

/** `--color-<name>-<step>: <hex>;` for each step, to override the theme's variables at runtime. */
export function scaleVariables(name: "brand" | "accent", scale: ColorScale): string {
  return ([50, 100, 600, 700, 800] as const).map((step) => `--color-${name}-${step}:${scale[step]};`).join("");
}
