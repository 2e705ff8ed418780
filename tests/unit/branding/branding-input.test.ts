import { describe, expect, it } from "vitest";
import { brandingInputSchema, canManageBranding, refuseLowContrast } from "@/lib/domain/branding/branding-input";

const valid = { displayName: "  Globex  ", signInMessage: "Welcome.\r\nUse your badge ID.", primaryColor: "#0F766E", accentColor: "#4338ca" };

describe("branding input", () => {
  it("trims and normalizes", () => {
    expect(brandingInputSchema.parse(valid)).toEqual({ displayName: "Globex", signInMessage: "Welcome.\nUse your badge ID.", primaryColor: "#0f766e", accentColor: "#4338ca" });
    expect(brandingInputSchema.parse({ ...valid, signInMessage: "   " }).signInMessage).toBeNull();
  });

  it("refuses empty, long or unsafe text and colours that are not #rrggbb", () => {
    const fails = (patch: Partial<typeof valid>) => brandingInputSchema.safeParse({ ...valid, ...patch }).success === false;
    expect(fails({ displayName: " " })).toBe(true);
    expect(fails({ displayName: "x".repeat(61) })).toBe(true);
    expect(fails({ displayName: "Evil\u202ecorp" })).toBe(true);
    expect(fails({ signInMessage: "x".repeat(281) })).toBe(true);
    expect(fails({ signInMessage: "bell\u0007" })).toBe(true);
    expect(fails({ primaryColor: "red" })).toBe(true);
    expect(fails({ accentColor: "#abc" })).toBe(true);
    expect(fails({ primaryColor: "#12345g" })).toBe(true);
  });

  it("refuses low-contrast colours field by field, with the ratio and a suggestion", () => {
    expect(refuseLowContrast({ primaryColor: "#4338ca", accentColor: "#0f766e" })).toBeNull();
    const refusals = refuseLowContrast({ primaryColor: "#4338ca", accentColor: "#7dd3fc" });
    expect(refusals?.fieldErrors.primaryColor).toBeUndefined();
    expect(refusals?.fieldErrors.accentColor?.[0]).toMatch(/^The accent colour #7dd3fc has a contrast ratio of 1\.\d\d:1/);
    expect(refusals?.suggestions.accentColor).toMatch(/^#[0-9a-f]{6}$/);
  });

  it("is for admins only", () => {
    expect(canManageBranding({ role: "admin" })).toBe(true);
    expect(canManageBranding({ role: "employee" })).toBe(false);
  });
});
