"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { acquireMedia, acquireTrack } from "@/lib/media/acquire-media";
import type { CaptureProfile, DeviceChoice } from "@/lib/media/capture-profiles";
import { loadDevicePreferences, saveDevicePreferences } from "@/lib/media/device-preferences";
import { type DeviceLists, emptyDeviceLists, listDevices, onDevicesChanged } from "@/lib/media/media-devices";
import type { CaptureKind, DeviceError } from "@/lib/media/media-errors";
import { captureScreen, type ScreenCaptureResult } from "@/lib/media/screen-capture";

export type LocalDevice = {
  track: MediaStreamTrack | null;
  /** What the person wants: a muted microphone keeps its track (instant unmute), a camera turned off has none. */
  enabled: boolean;
  error: DeviceError | null;
  /** The device in use, else the one chosen last time. */
  deviceId: string | null;
  /** A request to open the device is in flight. */
  pending: boolean;
};

export type LocalMedia = {
  microphone: LocalDevice;
  camera: LocalDevice;
  screen: MediaStreamTrack | null;
  speakerId: string;
  devices: DeviceLists;
  /** The first attempt to open the devices has finished (successfully or not). */
  ready: boolean;
};

export type LocalMediaControls = {
  setMicrophoneEnabled: (enabled: boolean) => void;
  setCameraEnabled: (enabled: boolean) => void;
  chooseMicrophone: (deviceId: string) => void;
  chooseCamera: (deviceId: string) => void;
  chooseSpeaker: (deviceId: string) => void;
  /** Tries the failed devices again, e.g. after the person allowed them in the site settings. */
  retry: () => void;
  startScreenShare: () => Promise<ScreenCaptureResult>;
  stopScreenShare: () => void;
  /** Opens the devices per the remembered choices (the meeting page calls it on arrival and on rejoin). */
  start: () => void;
  /** Stops every track: leaving must turn the camera light off. */
  release: () => void;
};

const idleDevice: LocalDevice = { track: null, enabled: true, error: null, deviceId: null, pending: false };
const initialMedia: LocalMedia = { microphone: idleDevice, camera: idleDevice, screen: null, speakerId: "", devices: emptyDeviceLists, ready: false };

type DeviceKey = "microphone" | "camera";

function stopTrack(track: MediaStreamTrack | null | undefined) {
  track?.stop();
}

/**
 * The person's microphone, camera, speaker and screen share, with their choices remembered across visits.
 * Requests can overlap (a fast double-click, a device picked while another opens); each device keeps a request
 * counter and a track that arrives for a superseded request is stopped at once.
 */
export function useLocalMedia(profile: CaptureProfile): LocalMedia & LocalMediaControls {
  const [media, setMedia] = useState<LocalMedia>(initialMedia);
  // The source of truth, readable from callbacks without stale closures; `media` mirrors it for rendering.
  const latest = useRef(initialMedia);
  const commit = useCallback((update: (current: LocalMedia) => LocalMedia) => {
    latest.current = update(latest.current);
    setMedia(latest.current);
  }, []);
  const requests = useRef<Record<DeviceKey, number>>({ microphone: 0, camera: 0 });
  const mounted = useRef(true);

  const updateDevice = useCallback((key: DeviceKey, change: Partial<LocalDevice>) => {
    commit((current) => ({ ...current, [key]: { ...current[key], ...change } }));
  }, [commit]);

  const refreshDeviceLists = useCallback(async () => {
    const devices = await listDevices().catch(() => emptyDeviceLists);
    if (mounted.current) commit((current) => ({ ...current, devices }));
  }, [commit]);

  /** Installs a freshly opened track, unless the person asked for something else meanwhile. */
  const adoptTrack = useCallback(
    (key: DeviceKey, request: number, track: MediaStreamTrack | null, error: DeviceError | null) => {
      if (!mounted.current || requests.current[key] !== request) {
        stopTrack(track);
        return false;
      }
      const previous = latest.current[key].track;
      if (previous !== track) stopTrack(previous);
      const deviceId = track?.getSettings().deviceId ?? latest.current[key].deviceId;
      updateDevice(key, { track, error, pending: false, deviceId });
      return true;
    },
    [updateDevice],
  );

  const openDevice = useCallback(
    async (key: DeviceKey, choice: DeviceChoice) => {
      const request = ++requests.current[key];
      updateDevice(key, { pending: true });
      const kind: CaptureKind = key;
      const { track, error } = await acquireTrack(kind, choice, profile);
      // A failed switch keeps the device that works; only a device that had nothing shows the error alone.
      if (!track && latest.current[key].track && requests.current[key] === request) {
        updateDevice(key, { error, pending: false });
        return;
      }
      if (adoptTrack(key, request, track, error)) void refreshDeviceLists();
    },
    [adoptTrack, profile, refreshDeviceLists, updateDevice],
  );

  const start = useCallback(() => {
    const preferences = loadDevicePreferences();
    const remembered = (deviceId: string | undefined): DeviceChoice => (deviceId ? { deviceId, strict: false } : null);
    const microphoneEnabled = preferences.joinWithMicrophone ?? true;
    const cameraEnabled = preferences.joinWithCamera ?? true;
    const request = { microphone: ++requests.current.microphone, camera: ++requests.current.camera };
    commit((current) => ({
      ...current,
      ready: false,
      speakerId: preferences.speakerId ?? "",
      microphone: { ...current.microphone, enabled: microphoneEnabled, deviceId: preferences.microphoneId ?? null, pending: true, error: null },
      camera: { ...current.camera, enabled: cameraEnabled, deviceId: preferences.cameraId ?? null, pending: cameraEnabled, error: null },
    }));
    // The microphone opens even when joining muted, so that unmuting later is instant and asks nothing.
    void acquireMedia({
      microphone: remembered(preferences.microphoneId),
      camera: cameraEnabled ? remembered(preferences.cameraId) : false,
      profile,
    }).then((result) => {
      adoptTrack("microphone", request.microphone, result.audioTrack, result.microphoneError);
      if (cameraEnabled) adoptTrack("camera", request.camera, result.videoTrack, result.cameraError);
      if (mounted.current) commit((current) => ({ ...current, ready: true }));
      void refreshDeviceLists();
    });
  }, [commit, adoptTrack, profile, refreshDeviceLists]);

  const release = useCallback(() => {
    requests.current.microphone += 1;
    requests.current.camera += 1;
    const { microphone, camera, screen } = latest.current;
    [microphone.track, camera.track, screen].forEach(stopTrack);
    commit((current) => ({
      ...current,
      microphone: { ...current.microphone, track: null, pending: false },
      camera: { ...current.camera, track: null, pending: false },
      screen: null,
    }));
  }, [commit]);

  const setMicrophoneEnabled = useCallback(
    (enabled: boolean) => {
      const { track, deviceId, pending } = latest.current.microphone;
      updateDevice("microphone", enabled && !track ? { enabled, error: null } : { enabled });
      saveDevicePreferences({ joinWithMicrophone: enabled });
      if (enabled && !track && !pending) void openDevice("microphone", deviceId ? { deviceId, strict: false } : null);
    },
    [openDevice, updateDevice],
  );

  const setCameraEnabled = useCallback(
    (enabled: boolean) => {
      saveDevicePreferences({ joinWithCamera: enabled });
      if (enabled) {
        updateDevice("camera", { enabled: true, error: null });
        const { deviceId } = latest.current.camera;
        void openDevice("camera", deviceId ? { deviceId, strict: false } : null);
        return;
      }
      requests.current.camera += 1;
      stopTrack(latest.current.camera.track);
      updateDevice("camera", { enabled: false, track: null, pending: false, error: null });
    },
    [openDevice, updateDevice],
  );

  const chooseDevice = useCallback(
    (key: DeviceKey, deviceId: string) => {
      saveDevicePreferences(key === "microphone" ? { microphoneId: deviceId } : { cameraId: deviceId });
      updateDevice(key, { deviceId });
      if (key === "camera" && !latest.current.camera.enabled) return;
      void openDevice(key, { deviceId, strict: true });
    },
    [openDevice, updateDevice],
  );
  const chooseMicrophone = useCallback((deviceId: string) => chooseDevice("microphone", deviceId), [chooseDevice]);
  const chooseCamera = useCallback((deviceId: string) => chooseDevice("camera", deviceId), [chooseDevice]);

  const chooseSpeaker = useCallback((speakerId: string) => {
    saveDevicePreferences({ speakerId });
    commit((current) => ({ ...current, speakerId }));
  }, [commit]);

  const retry = useCallback(() => {
    const { microphone, camera } = latest.current;
    if (!microphone.track) void openDevice("microphone", null);
    if (camera.enabled && !camera.track) void openDevice("camera", null);
  }, [openDevice]);

  const stopScreenShare = useCallback(() => {
    stopTrack(latest.current.screen);
    commit((current) => ({ ...current, screen: null }));
  }, [commit]);

  const startScreenShare = useCallback(async () => {
    const result = await captureScreen();
    if (!result.ok || !mounted.current) {
      if (result.ok) stopTrack(result.track);
      return result;
    }
    stopTrack(latest.current.screen);
    // The browser's own "Stop sharing" bar ends the track without telling the page otherwise.
    result.track.addEventListener("ended", () => {
      commit((current) => (current.screen === result.track ? { ...current, screen: null } : current));
    });
    commit((current) => ({ ...current, screen: result.track }));
    return result;
  }, [commit]);

  // An unplugged device ends its track: fall back to the system default rather than leaving the person mute.
  const { track: microphoneTrack } = media.microphone;
  const { track: cameraTrack } = media.camera;
  useEffect(() => {
    const watched = [
      ["microphone", microphoneTrack],
      ["camera", cameraTrack],
    ] as const;
    const cleanups = watched.flatMap(([key, track]) => {
      if (!track) return [];
      const onEnded = () => {
        if (latest.current[key].track === track) void openDevice(key, null);
      };
      track.addEventListener("ended", onEnded);
      return [() => track.removeEventListener("ended", onEnded)];
    });
    return () => cleanups.forEach((cleanup) => cleanup());
  }, [microphoneTrack, cameraTrack, openDevice]);

  useEffect(() => {
    mounted.current = true;
    const unsubscribe = onDevicesChanged(() => void refreshDeviceLists());
    return () => {
      mounted.current = false;
      unsubscribe();
      const { microphone, camera, screen } = latest.current;
      [microphone.track, camera.track, screen].forEach(stopTrack);
    };
  }, [refreshDeviceLists]);

  return {
    ...media,
    setMicrophoneEnabled,
    setCameraEnabled,
    chooseMicrophone,
    chooseCamera,
    chooseSpeaker,
    retry,
    startScreenShare,
    stopScreenShare,
    start,
    release,
  };
}
