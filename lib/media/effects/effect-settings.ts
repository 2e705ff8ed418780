import { z } from "zod";

/**
 * What the person chose for their camera and microphone. Pure data: the pipeline, the hook and the stored
 * preferences all speak this type.
 */
export const BACKGROUND_IMAGES = ["office", "shelves", "gradient"] as const;
export type BackgroundImageId = (typeof BACKGROUND_IMAGES)[number];

export const blurStrengths = ["light", "strong"] as const;
export type BlurStrength = (typeof blurStrengths)[number];

const backgroundSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("none") }),
  z.object({ kind: z.literal("blur"), strength: z.enum(blurStrengths) }),
  z.object({ kind: z.literal("image"), imageId: z.enum(BACKGROUND_IMAGES) }),
]);

export type BackgroundEffect = z.infer<typeof backgroundSchema>;

export const effectSettingsSchema = z.object({
  background: backgroundSchema,
  /** On: the enhancement engages by itself when the picture is dark and fades out when it is not. */
  lowLight: z.boolean(),
  noiseSuppression: z.boolean(),
});

export type EffectSettings = z.infer<typeof effectSettingsSchema>;
export type VideoEffectSettings = Pick<EffectSettings, "background" | "lowLight">;

/**
 * Noise suppression is on by default (the issue); the video effects are off, so a meeting with default settings
 * loads none of the video effects code and spends no CPU on it.
 */
export const defaultEffectSettings: EffectSettings = { background: { kind: "none" }, lowLight: false, noiseSuppression: true };

export const needsSegmentation = (settings: VideoEffectSettings): boolean => settings.background.kind !== "none";

/** Whether the camera track must go through the video pipeline at all. */
export const needsVideoPipeline = (settings: VideoEffectSettings): boolean => needsSegmentation(settings) || settings.lowLight;

/** Analytics detail for each effect: stable strings, so dashboards can count them. */
export function effectFeatureDetails(settings: EffectSettings): { blur: string; background: string; lowLight: string; noiseSuppression: string } {
  const { background } = settings;
  return {
    blur: background.kind === "blur" ? `on:${background.strength}` : "off",
    background: background.kind === "image" ? `on:${background.imageId}` : "off",
    lowLight: settings.lowLight ? "on" : "off",
    noiseSuppression: settings.noiseSuppression ? "on" : "off",
  };
}

/** Field by field: a value that no longer parses (an image since removed) falls back alone, the rest is kept. */
export function parseEffectSettings(raw: unknown): EffectSettings {
  const record = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const { shape } = effectSettingsSchema;
  const background = shape.background.safeParse(record.background);
  const lowLight = shape.lowLight.safeParse(record.lowLight);
  const noiseSuppression = shape.noiseSuppression.safeParse(record.noiseSuppression);
  return {
    background: background.success ? background.data : defaultEffectSettings.background,
    lowLight: lowLight.success ? lowLight.data : defaultEffectSettings.lowLight,
    noiseSuppression: noiseSuppression.success ? noiseSuppression.data : defaultEffectSettings.noiseSuppression,
  };
}
