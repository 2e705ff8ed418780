import type { FeatureMessage } from "@/lib/signaling";
import { type EffectSettings, effectFeatureDetails } from "@/lib/media/effects/effect-settings";

/** What the user controls that analytics counts, as seen in the meeting's state. */
export type FeatureFacts = { audio: boolean; video: boolean; screen: boolean; handRaised: boolean; layout: string; effects: EffectSettings };

const effectFeatures = { blur: "blur", background: "background", lowLight: "low-light", noiseSuppression: "noise-suppression" } as const;

/**
 * Feature-usage events between two observations of the user's own state, derived from state changes in one place
 * rather than at every button, so shortcuts, menus and host actions are all counted. Only turning something on
 * counts for screen share and hand (the act of using them); mute and camera count both ways. Effects count at the
 * first observation too (chosen in the lobby, or remembered), and at each change, with their detail ("on:strong").
 */
export function featureChanges(before: FeatureFacts | null, after: FeatureFacts): Omit<FeatureMessage, "type">[] {
  const events: Omit<FeatureMessage, "type">[] = [];
  const effectsBefore = before ? effectFeatureDetails(before.effects) : null;
  for (const [key, detail] of Object.entries(effectFeatureDetails(after.effects)) as [keyof typeof effectFeatures, string][]) {
    const changed = effectsBefore ? effectsBefore[key] !== detail : detail !== "off";
    if (changed) events.push({ feature: effectFeatures[key], detail });
  }
  if (!before) return events;
  if (before.audio !== after.audio) events.push({ feature: after.audio ? "unmute" : "mute", detail: null });
  if (before.video !== after.video) events.push({ feature: after.video ? "camera-on" : "camera-off", detail: null });
  if (!before.screen && after.screen) events.push({ feature: "screen-share", detail: null });
  if (!before.handRaised && after.handRaised) events.push({ feature: "hand", detail: null });
  if (before.layout !== after.layout) events.push({ feature: "layout", detail: after.layout.slice(0, 64) });
  return events;
}
