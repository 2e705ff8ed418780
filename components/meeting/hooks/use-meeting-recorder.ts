"use client";

import { useEffect, useState, useSyncExternalStore } from "react";
import type { RecorderSnapshot } from "@/lib/recording/meeting-recorder";
import { RecordingController } from "@/lib/recording/recording-controller";
import type { RecordingFormat } from "@/lib/recording/recording-format";
import type { RecordingScene } from "@/lib/recording/recording-scene";
import type { ActiveRecording } from "@/lib/signaling/room-settings";

/**
 * Binds lib/recording to the meeting: this browser records while the meeting room names this participant the
 * recorder, with the scene the meeting shows; leaving the meeting stops it and finishes the upload.
 */
type Options = { recording: ActiveRecording | null; selfId: string | null; roomId: string; format: RecordingFormat; scene: RecordingScene; onError: (message: string) => void };

export function useMeetingRecorder({ recording, selfId, roomId, format, scene, onError }: Options): RecorderSnapshot | null {
  const [controller] = useState(() => new RecordingController(format));
  const mine = recording !== null && recording.by === selfId ? recording.id : null;
  useEffect(() => controller.onError(onError), [controller, onError]);
  useEffect(() => controller.setScene(scene), [controller, scene]);
  useEffect(() => controller.follow(mine, roomId), [controller, mine, roomId]);
  useEffect(() => () => controller.follow(null, roomId), [controller, roomId]);
  return useSyncExternalStore(
    (onChange) => controller.onChange(onChange),
    () => controller.snapshot,
    () => null,
  );
}
