export type DeviceOption = { deviceId: string; label: string };

export type DeviceLists = {
  microphones: DeviceOption[];
  cameras: DeviceOption[];
  speakers: DeviceOption[];
};

export const emptyDeviceLists: DeviceLists = { microphones: [], cameras: [], speakers: [] };

const fallbackLabels: Record<MediaDeviceKind, string> = {
  audioinput: "Microphone",
  videoinput: "Camera",
  audiooutput: "Speaker",
};

/**
 * Labels are empty until the person grants access; numbering the devices keeps the lists usable meanwhile.
 * Chromium also lists virtual "default" and "communications" entries that duplicate a real device; they are
 * kept because choosing "default" follows the system setting when it changes.
 */
function toOptions(devices: MediaDeviceInfo[], kind: MediaDeviceKind): DeviceOption[] {
  return devices
    .filter((device) => device.kind === kind && device.deviceId !== "")
    .map((device, index) => ({ deviceId: device.deviceId, label: device.label || `${fallbackLabels[kind]} ${index + 1}` }));
}

export async function listDevices(): Promise<DeviceLists> {
  if (typeof navigator === "undefined" || !navigator.mediaDevices?.enumerateDevices) return emptyDeviceLists;
  const devices = await navigator.mediaDevices.enumerateDevices();
  return {
    microphones: toOptions(devices, "audioinput"),
    cameras: toOptions(devices, "videoinput"),
    speakers: toOptions(devices, "audiooutput"),
  };
}

/** Calls back whenever a device is plugged in or removed; returns the unsubscribe. */
export function onDevicesChanged(callback: () => void): () => void {
  const mediaDevices = typeof navigator === "undefined" ? undefined : navigator.mediaDevices;
  if (!mediaDevices) return () => {};
  mediaDevices.addEventListener("devicechange", callback);
  return () => mediaDevices.removeEventListener("devicechange", callback);
}
