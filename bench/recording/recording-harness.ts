/**
 * Browser side of bench/recording/run.ts: the rtc-engine harness (a participant on lib/rtc) plus the app's
 * MeetingRecorder, recording a grid of everything this participant receives and uploading it over tus.
 */
import "../../tests/e2e/harness/rtc-harness";
import { MeetingRecorder, type RecorderSnapshot } from "../../lib/recording/meeting-recorder";
import type { SceneTile } from "../../lib/recording/recording-scene";

let recorder: MeetingRecorder | null = null;

function receivedTracks(selector: "video" | "audio"): MediaStreamTrack[] {
  return [...document.querySelectorAll<HTMLMediaElement>(selector)].flatMap((element) => (element.srcObject instanceof MediaStream ? element.srcObject.getTracks() : []));
}

const recordingBench = {
  start(recordingId: string): void {
    recorder = new MeetingRecorder({ recordingId, roomId: "bench" });
    const tiles: SceneTile[] = receivedTracks("video").map((track, index) => ({ key: track.id, name: `Person ${index + 1}`, track, videoOn: true, microphoneOn: true, screen: false }));
    recorder.setScene({ layout: { kind: "grid", tiles }, audio: receivedTracks("audio") });
  },

  async stop(): Promise<{ snapshot: RecorderSnapshot; stopToUploadedMs: number }> {
    if (!recorder) throw new Error("recordingBench.start() first");
    const stoppedAt = performance.now();
    await recorder.stop();
    return { snapshot: recorder.snapshot, stopToUploadedMs: performance.now() - stoppedAt };
  },
};

declare global {
  interface Window {
    recordingBench: typeof recordingBench;
  }
}

window.recordingBench = recordingBench;
