import { describe, expect, it } from "vitest";
import { DEVICE_PREFERENCES_KEY, loadDevicePreferences, saveDevicePreferences } from "@/lib/media/device-preferences";

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe("device preferences", () => {
  it("remembers choices across visits, merging changes", () => {
    const storage = memoryStorage();
    saveDevicePreferences({ cameraId: "cam-2", joinWithCamera: false }, storage);
    saveDevicePreferences({ microphoneId: "mic-1" }, storage);
    expect(loadDevicePreferences(storage)).toEqual({ cameraId: "cam-2", joinWithCamera: false, microphoneId: "mic-1" });
  });

  it("ignores missing, corrupt or foreign data", () => {
    expect(loadDevicePreferences(memoryStorage())).toEqual({});
    expect(loadDevicePreferences(memoryStorage({ [DEVICE_PREFERENCES_KEY]: "{not json" }))).toEqual({});
    expect(loadDevicePreferences(memoryStorage({ [DEVICE_PREFERENCES_KEY]: JSON.stringify({ joinWithCamera: "yes" }) }))).toEqual({});
    expect(loadDevicePreferences(null)).toEqual({});
  });

  it("survives storage that throws (blocked site data, full quota)", () => {
    const throwing = {
      getItem: () => {
        throw new Error("SecurityError");
      },
      setItem: () => {
        throw new Error("QuotaExceededError");
      },
    };
    expect(() => saveDevicePreferences({ speakerId: "x" }, throwing)).not.toThrow();
    expect(loadDevicePreferences(throwing)).toEqual({});
  });
});
