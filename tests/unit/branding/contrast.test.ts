import { describe, expect, it } from "vitest";
import { checkBrandColor, nearestPassingShade, worstContrast } from "@/lib/domain/branding/brand-color";
import { contrastRatio, formatRatio, parseHex, relativeLuminance, toHex } from "@/lib/domain/branding/contrast";

describe("WCAG contrast", () => {
  it("measures the known ratios", () => {
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrastRatio("#ffffff", "#ffffff")).toBe(1);
    expect(formatRatio(contrastRatio("#767676", "#ffffff"))).toBe("4.54");
    expect(formatRatio(contrastRatio("#777777", "#ffffff"))).toBe("4.47");
    // Tailwind indigo-700 (the built-in brand) and red-700 with white text.
    expect(formatRatio(contrastRatio("#4338ca", "#ffffff"))).toBe("7.90");
    expect(formatRatio(contrastRatio("#b91c1c", "#ffffff"))).toBe("6.47");
  });

  it("is symmetric and uses the relative luminance of each colour", () => {
    expect(contrastRatio("#ffffff", "#767676")).toBe(contrastRatio("#767676", "#ffffff"));
    expect(relativeLuminance("#ffffff")).toBe(1);
    expect(relativeLuminance("#000000")).toBe(0);
    expect(relativeLuminance("#808080")).toBeCloseTo(0.2159, 4);
  });

  it("reads and writes #rrggbb only", () => {
    expect(parseHex("#0F766E")).toEqual({ r: 15, g: 118, b: 110 });
    expect(toHex({ r: 15, g: 118, b: 110 })).toBe("#0f766e");
    expect(() => parseHex("#fff")).toThrow();
    expect(() => parseHex("red")).toThrow();
  });

  it("truncates the shown ratio so a failing colour never reads as passing", () => {
    expect(formatRatio(4.4999)).toBe("4.49");
  });
});

describe("brand colour check", () => {
  it("accepts colours with 4.5:1 against every surface", () => {
    expect(checkBrandColor("#4338ca", "Primary").ok).toBe(true);
    expect(checkBrandColor("#595959", "Primary").ok).toBe(true);
  });

  it("measures against the page background too: #767676 passes on white but not on slate-50", () => {
    const verdict = checkBrandColor("#767676", "The primary colour");
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? null : verdict.surface).toBe("the page background");
    expect(verdict.ok ? null : verdict.message).toContain("4.34:1 against the page background; WCAG AA needs 4.5:1. The nearest passing shade is #737373");
  });

  it("refuses a light colour with the measured ratio against its worst surface and a passing shade", () => {
    const verdict = checkBrandColor("#FFB000", "The primary colour");
    expect(verdict.ok).toBe(false);
    if (verdict.ok) return;
    expect(verdict.surface).toBe("the page background");
    expect(formatRatio(verdict.ratio)).toBe(formatRatio(contrastRatio("#ffb000", "#f8fafc")));
    expect(verdict.message).toContain(`${formatRatio(verdict.ratio)}:1`);
    expect(verdict.message).toContain(verdict.suggestion);
    expect(worstContrast(verdict.suggestion).ratio).toBeGreaterThanOrEqual(4.5);
  });

  it("offers the lightest passing shade of the same hue, not just any dark colour", () => {
    for (const hex of ["#ffb000", "#22c55e", "#38bdf8", "#f472b6", "#a3a3a3", "#ffff00", "#777777"]) {
      const shade = nearestPassingShade(hex);
      expect(worstContrast(shade).ratio, `${hex} → ${shade}`).toBeGreaterThanOrEqual(4.5);
      // One lightness step lighter would fail: close to the threshold, not far below it.
      expect(worstContrast(shade).ratio, `${hex} → ${shade}`).toBeLessThan(4.75);
    }
    const { r, g, b } = parseHex(nearestPassingShade("#22c55e"));
    expect(g).toBeGreaterThan(r);
    expect(g).toBeGreaterThan(b);
    expect(nearestPassingShade("#4338CA")).toBe("#4338ca");
  });
});
