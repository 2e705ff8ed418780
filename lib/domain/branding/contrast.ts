/** A colour as 0–255 sRGB channels. */
export type Rgb = { readonly r: number; readonly g: number; readonly b: number };

const HEX = /^#([0-9a-f]{6})$/i;

export const isHexColor = (value: string): boolean => HEX.test(value);

export function parseHex(hex: string): Rgb {
  const match = HEX.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${JSON.stringify(hex)}`);
  const value = Number.parseInt(match[1]!, 16);
  return { r: (value >> 16) & 0xff, g: (value >> 8) & 0xff, b: value & 0xff };
}

export function toHex({ r, g, b }: Rgb): string {
  const channel = (c: number) => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, "0");
  return `#${channel(r)}${channel(g)}${channel(b)}`;
}

/** WCAG 2.1 relative luminance (0 black … 1 white) of an sRGB colour. */
export function relativeLuminance(color: Rgb | string): number {
  const { r, g, b } = typeof color === "string" ? parseHex(color) : color;
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG 2.1 contrast ratio, 1 … 21, whichever of the two is lighter. */
export function contrastRatio(a: Rgb | string, b: Rgb | string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The ratio as people read it: truncated, not rounded, to two decimals, so a colour shown as "4.50" never
 * measures 4.499 (WCAG thresholds are not to be rounded up to).
 */
export const formatRatio = (ratio: number): string => (Math.floor(ratio * 100) / 100).toFixed(2);

/** WCAG 2.1 AA: normal text 4.5:1; large text and user-interface components 3:1. */
export const AA_TEXT = 4.5;
export const AA_NON_TEXT = 3;
