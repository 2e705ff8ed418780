import { describe, expect, it } from "vitest";
import { defaultEffectSettings, type EffectSettings } from "@/lib/media/effects/effect-settings";
import { effectPreferencesKey, loadEffectPreferences, saveEffectPreferences } from "@/lib/media/effects/effect-preferences";

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value), items };
}

const blurred: EffectSettings = { background: { kind: "blur", strength: "strong" }, lowLight: true, noiseSuppression: false };

describe("effect preferences", () => {
  it("start from the defaults: noise suppression on, video effects off", () => {
    expect(loadEffectPreferences("u1", memoryStorage())).toEqual(defaultEffectSettings);
    expect(defaultEffectSettings).toEqual({ background: { kind: "none" }, lowLight: false, noiseSuppression: true });
  });

  it("are kept per user", () => {
    const storage = memoryStorage();
    saveEffectPreferences("u1", blurred, storage);
    expect(loadEffectPreferences("u1", storage)).toEqual(blurred);
    expect(loadEffectPreferences("u2", storage)).toEqual(defaultEffectSettings);
  });

  it("ignore what they cannot read, field by field", () => {
    const storage = memoryStorage();
    storage.setItem(effectPreferencesKey("u1"), "{not json");
    expect(loadEffectPreferences("u1", storage)).toEqual(defaultEffectSettings);
    storage.setItem(effectPreferencesKey("u1"), JSON.stringify({ background: { kind: "image", imageId: "moon" }, lowLight: true, noiseSuppression: "yes" }));
    expect(loadEffectPreferences("u1", storage)).toEqual({ ...defaultEffectSettings, lowLight: true });
  });

  it("survive storage that throws", () => {
    const throwing = { getItem: () => { throw new Error("blocked"); }, setItem: () => { throw new Error("quota"); } };
    expect(() => saveEffectPreferences("u1", blurred, throwing)).not.toThrow();
    expect(loadEffectPreferences("u1", throwing)).toEqual(defaultEffectSettings);
  });
});
