import { describe, expect, it } from "vitest";
import { lowerCap, receiveRequest, sendCeilingKbps } from "@/lib/domain/video-quality";
import { loadQualityPreferences, qualityPreferencesKey, saveQualityPreferences } from "@/lib/media/quality-preferences";

function memoryStore(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

describe("video quality choices", () => {
  it("cap only when chosen: auto sends and asks for no ceiling", () => {
    expect(sendCeilingKbps("auto")).toBeNull();
    expect(receiveRequest("auto")).toEqual({ cameraKbps: null, cameras: true });
    expect(receiveRequest("high")).toEqual({ cameraKbps: null, cameras: true });
    expect(receiveRequest("low")).toEqual({ cameraKbps: 150, cameras: true });
    expect(receiveRequest("audio-only")).toEqual({ cameraKbps: null, cameras: false });
  });

  it("take the lower of two ceilings", () => {
    expect(lowerCap(null, undefined)).toBeNull();
    expect(lowerCap(529, null)).toBe(529);
    expect(lowerCap(undefined, 150)).toBe(150);
    expect(lowerCap(529, 150)).toBe(150);
  });

  it("are kept per user in the browser, and anything unreadable falls back to Auto", () => {
    const store = memoryStore({ [qualityPreferencesKey("broken")]: "{not json", [qualityPreferencesKey("odd")]: JSON.stringify({ send: "8k", receive: "low" }) });
    saveQualityPreferences("ann", { send: "sd", receive: "audio-only" }, store);
    expect(loadQualityPreferences("ann", store)).toEqual({ send: "sd", receive: "audio-only" });
    expect(loadQualityPreferences("bo", store)).toEqual({ send: "auto", receive: "auto" });
    expect(loadQualityPreferences("broken", store)).toEqual({ send: "auto", receive: "auto" });
    expect(loadQualityPreferences("odd", store)).toEqual({ send: "auto", receive: "low" });
  });
});
