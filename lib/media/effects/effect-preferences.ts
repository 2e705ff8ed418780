import { type EffectSettings, parseEffectSettings } from "./effect-settings";
import { browserStorage, type KeyValueStore } from "../browser-storage";

/**
 * The effects a person chose, kept in this browser per signed-in user: a laptop's camera may want blur and the
 * office room system not, and two people sharing a machine keep their own.
 */
export const effectPreferencesKey = (userId: string) => `confer.effects.v1.${userId}`;


export function loadEffectPreferences(userId: string, storage: KeyValueStore | null = browserStorage()): EffectSettings {
  try {
    const raw = storage?.getItem(effectPreferencesKey(userId));
    return parseEffectSettings(raw ? JSON.parse(raw) : {});
  } catch {
    return parseEffectSettings({});
  }
}

export function saveEffectPreferences(userId: string, settings: EffectSettings, storage: KeyValueStore | null = browserStorage()): void {
  try {
    storage?.setItem(effectPreferencesKey(userId), JSON.stringify(settings));
  } catch {
    // Quota or privacy mode: the choice still applies to this meeting.
  }
}
