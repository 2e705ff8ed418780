import { z } from "zod";
import { browserStorage, type KeyValueStore } from "./browser-storage";

/** What the person chose last time, so the next meeting opens with the same devices and toggles. */
const devicePreferencesSchema = z.object({
  microphoneId: z.string().max(512).optional(),
  cameraId: z.string().max(512).optional(),
  speakerId: z.string().max(512).optional(),
  joinWithMicrophone: z.boolean().optional(),
  joinWithCamera: z.boolean().optional(),
});

export type DevicePreferences = z.infer<typeof devicePreferencesSchema>;

export const DEVICE_PREFERENCES_KEY = "confer.devices.v1";


export function loadDevicePreferences(storage: KeyValueStore | null = browserStorage()): DevicePreferences {
  try {
    const raw = storage?.getItem(DEVICE_PREFERENCES_KEY);
    if (!raw) return {};
    const parsed = devicePreferencesSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}

export function saveDevicePreferences(changes: DevicePreferences, storage: KeyValueStore | null = browserStorage()): void {
  try {
    storage?.setItem(DEVICE_PREFERENCES_KEY, JSON.stringify({ ...loadDevicePreferences(storage), ...changes }));
  } catch {
    // Quota or privacy mode: nothing to do, the choice still applies to this meeting.
  }
}
