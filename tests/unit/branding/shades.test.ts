import { describe, expect, it } from "vitest";
import { nearestPassingShade } from "@/lib/domain/branding/brand-color";
import { contrastRatio, toHex } from "@/lib/domain/branding/contrast";
import { deriveScale, scaleVariables } from "@/lib/domain/branding/shades";

// A spread of hues and lightnesses: every passing colour, and the nearest passing shade of every failing one.
function samples(): string[] {
  const colours: string[] = [];
  for (let r = 0; r <= 255; r += 51) for (let g = 0; g <= 255; g += 51) for (let b = 0; b <= 255; b += 51) colours.push(toHex({ r, g, b }));
  return colours.map(nearestPassingShade);
}

describe("brand scale", () => {
  it("makes the chosen colour step 700 and keeps the built-in palette's order, light to dark", () => {
    const scale = deriveScale("#4338ca");
    expect(scale[700]).toBe("#4338ca");
    const lum = (hex: string) => contrastRatio(hex, "#000000");
    expect(lum(scale[50])).toBeGreaterThan(lum(scale[100]));
    expect(lum(scale[100])).toBeGreaterThan(lum(scale[600]));
    expect(lum(scale[600])).toBeGreaterThanOrEqual(lum(scale[700]));
    expect(lum(scale[700])).toBeGreaterThan(lum(scale[800]));
  });

  it("keeps every pair the components use at AA for any colour that passes the check", () => {
    for (const colour of samples()) {
      const scale = deriveScale(colour);
      for (const step of [600, 700, 800] as const) expect(contrastRatio(scale[step], "#ffffff"), `white on ${step} of ${colour}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(scale[800], scale[100]), `800 on 100 of ${colour}`).toBeGreaterThanOrEqual(4.5);
      expect(contrastRatio(scale[800], scale[50]), `800 on 50 of ${colour}`).toBeGreaterThanOrEqual(4.5);
      // The host label on the dark meeting stage (slate-900).
      expect(contrastRatio(scale[100], "#0f172a"), `100 on slate-900 of ${colour}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("writes the theme's variables", () => {
    expect(scaleVariables("brand", deriveScale("#4338ca"))).toMatch(/^--color-brand-50:#[0-9a-f]{6};--color-brand-100:#[0-9a-f]{6};--color-brand-600:#[0-9a-f]{6};--color-brand-700:#4338ca;--color-brand-800:#[0-9a-f]{6};$/);
  });
});
