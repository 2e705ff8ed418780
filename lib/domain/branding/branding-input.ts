import { z } from "zod";
import type { Actor } from "../actor";
import { checkBrandColor } from "./brand-color";
import { isHexColor } from "./contrast";

/** The built-in palette (app/globals.css): what a fresh install shows before an admin sets colours. */
export const DEFAULT_PRIMARY_COLOR = "#4338ca";
export const DEFAULT_ACCENT_COLOR = "#0f766e";
/** What a colour picker shows while the typed value is not a colour yet (the picker needs one). */
export const PICKER_PLACEHOLDER_COLOR = "#000000";

export const MAX_DISPLAY_NAME = 60;
export const MAX_SIGN_IN_MESSAGE = 280;
/** Logos are shown at most 48 px high; 512 KiB is plenty for a raster logo at 2–3× that. */
export const MAX_LOGO_BYTES = 512 * 1024;
/** Raster only: an SVG can carry script, and sanitizing one is a moving target, so it is refused. */
export const LOGO_TYPES = ["image/png", "image/jpeg", "image/webp"] as const;

// Control and bidi-override characters would let a name rearrange or hide the text around it.
const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

const color = z
  .string()
  .trim()
  .refine(isHexColor, "Enter a colour as #rrggbb, for example #4338ca.")
  .transform((value) => value.toLowerCase());

export const brandingInputSchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1, "Enter the organization's name.")
    .max(MAX_DISPLAY_NAME, `Keep the name to ${MAX_DISPLAY_NAME} characters.`)
    .refine((value) => !UNSAFE_CHARACTERS.test(value), "The name holds characters that cannot be shown."),
  signInMessage: z
    .string()
    .max(MAX_SIGN_IN_MESSAGE, `Keep the message to ${MAX_SIGN_IN_MESSAGE} characters.`)
    // Line breaks are allowed here (the page keeps them); other control characters are not.
    .refine((value) => !UNSAFE_CHARACTERS.test(value.replace(/\r?\n/g, "")), "The message holds characters that cannot be shown.")
    .transform((value) => value.trim().replace(/\r\n/g, "\n") || null),
  primaryColor: color,
  accentColor: color,
});

export type BrandingInput = z.output<typeof brandingInputSchema>;

export type ColorRefusals = {
  /** Per field, the message with the measured ratio. */
  fieldErrors: Partial<Record<"primaryColor" | "accentColor", string[]>>;
  /** Per field, the nearest shade that passes. */
  suggestions: Partial<Record<"primaryColor" | "accentColor", string>>;
};

/** Null when both colours keep AA contrast; otherwise why not, field by field. */
export function refuseLowContrast(input: Pick<BrandingInput, "primaryColor" | "accentColor">): ColorRefusals | null {
  const refusals: ColorRefusals = { fieldErrors: {}, suggestions: {} };
  for (const [field, label] of [
    ["primaryColor", "The primary colour"],
    ["accentColor", "The accent colour"],
  ] as const) {
    const verdict = checkBrandColor(input[field], label);
    if (verdict.ok) continue;
    refusals.fieldErrors[field] = [verdict.message];
    refusals.suggestions[field] = verdict.suggestion;
  }
  return Object.keys(refusals.fieldErrors).length > 0 ? refusals : null;
}

/** Branding is the organization's face on every page: admins only. */
export const canManageBranding = (actor: Pick<Actor, "role">): boolean => actor.role === "admin";
