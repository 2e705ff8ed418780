import { z } from "zod";
import { RECEIVE_QUALITIES, SEND_QUALITIES, type ReceiveQuality, type SendQuality } from "../domain/video-quality";
import { browserStorage, type KeyValueStore } from "./browser-storage";

/** The send and receive quality a person chose, kept in this browser per signed-in user (like their effects). */
export type QualityChoice = { send: SendQuality; receive: ReceiveQuality };

export const qualityPreferencesKey = (userId: string) => `confer.quality.v1.${userId}`;

const choiceSchema = z.object({ send: z.enum(SEND_QUALITIES).catch("auto"), receive: z.enum(RECEIVE_QUALITIES).catch("auto") });
export const AUTO_QUALITY: QualityChoice = { send: "auto", receive: "auto" };

export function loadQualityPreferences(userId: string, storage: KeyValueStore | null = browserStorage()): QualityChoice {
  try {
    const raw = storage?.getItem(qualityPreferencesKey(userId));
    return raw ? choiceSchema.parse(JSON.parse(raw)) : AUTO_QUALITY;
  } catch {
    return AUTO_QUALITY;
  }
}

export function saveQualityPreferences(userId: string, choice: QualityChoice, storage: KeyValueStore | null = browserStorage()): void {
  try {
    storage?.setItem(qualityPreferencesKey(userId), JSON.stringify(choice));
  } catch {
    // Quota or privacy mode: the choice still applies to this meeting.
  }
}
