import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** ffmpeg on PATH, or null: the webm tests skip (saying why) without it. */
export const ffmpegPath: string | null = (() => {
  const found = spawnSync("sh", ["-c", "command -v ffmpeg"], { encoding: "utf8" });
  return found.status === 0 && found.stdout.trim() !== "" ? found.stdout.trim() : null;
})();

/**
 * A short webm written the way MediaRecorder writes one: a live stream (unknown sizes, no Duration, no Cues),
 * VP8 + Opus, a keyframe (and cluster) every second. Made once per test file.
 */
export function liveWebm(seconds: number): Buffer {
  if (!ffmpegPath) throw new Error("ffmpeg is not on PATH");
  const folder = mkdtempSync(join(tmpdir(), "confer-webm-"));
  const path = join(folder, "live.webm");
  execFileSync(ffmpegPath, [
    "-hide_banner", "-loglevel", "error", "-y",
    "-f", "lavfi", "-i", "testsrc=size=320x240:rate=15",
    "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
    "-t", String(seconds),
    // Noise keeps the encoder at its bitrate, so the file is big enough for a few dozen chunks.
    "-vf", "noise=alls=30:allf=t",
    "-c:v", "libvpx", "-b:v", "800k", "-g", "15",
    "-c:a", "libopus",
    // Clusters only at keyframes (as MediaRecorder writes them), so every cue the fix adds is a place to seek to.
    "-f", "webm", "-live", "1", "-cluster_size_limit", "10000000", "-cluster_time_limit", "100000", path,
  ]);
  return readFileSync(path);
}

/** What ffprobe says the file's container duration is, in seconds (NaN for "N/A"). */
export function probedDuration(path: string): number {
  const out = execFileSync("ffprobe", ["-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", path], { encoding: "utf8" });
  return Number(out.trim());
}

/** Decodes one video frame at `seconds`, returning ffmpeg's error output (empty when the seek decoded cleanly). */
export function seekErrors(path: string, seconds: number): string {
  const run = spawnSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-ss", String(seconds), "-i", path, "-frames:v", "1", "-f", "null", "-"], { encoding: "utf8" });
  return `${run.stderr}${run.status === 0 ? "" : `exit ${run.status}`}`.trim();
}
