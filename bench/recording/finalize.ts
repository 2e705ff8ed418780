/**
 * Stop → "ready": what the app does once a recording's last byte has arrived (finalize-recording.ts without its
 * three row updates): one streaming pass over the uploaded webm (ts-ebml: clusters, keyframes, duration, sha256),
 * the seekable header, and the copy of header + clusters into blob storage (local disk, as `npm run dev` runs it).
 *
 *   npx tsx --conditions=react-server bench/recording/finalize.ts [--minutes 1,10,30] [--rounds 3]
 *
 * The input is written the way MediaRecorder writes a recording (live webm: no Duration, no Cues, a cluster
 * every second, VP8 keyframe every 2 s, Opus) at ≈ 1 Mbit/s, above what the 720p recorder produced in
 * bench/recording/run.ts (0.7 Mbit/s). ffmpeg encodes one minute; longer files repeat it with `-c copy`.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LocalDiskStorage } from "../../lib/server/storage/local-disk-storage";
import { makeWebmSeekable, seekableWebmStream } from "../../lib/server/recordings/webm-seekable";
import { machineDescription, percentile } from "../support/machine";

const { values } = parseArgs({ options: { minutes: { type: "string", default: "1,10,30" }, rounds: { type: "string", default: "3" } } });
const minutes = values.minutes.split(",").map(Number);
const rounds = Math.max(1, Number(values.rounds));
const folder = mkdtempSync(join(tmpdir(), "confer-finalize-bench-"));
const storage = new LocalDiskStorage(join(folder, "blobs"));
const ffmpeg = (args: string[]) => execFileSync("ffmpeg", ["-hide_banner", "-loglevel", "error", "-y", ...args]);
const liveWebm = ["-f", "webm", "-live", "1", "-cluster_time_limit", "1000", "-cluster_size_limit", "10000000"];
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

const oneMinute = join(folder, "1.webm");
ffmpeg([
  "-f", "lavfi", "-i", "testsrc=size=640x360:rate=20", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
  "-t", "60", "-vf", "noise=alls=20:allf=t", "-c:v", "libvpx", "-deadline", "realtime", "-cpu-used", "8",
  "-b:v", "1000k", "-g", "40", "-c:a", "libopus", ...liveWebm, oneMinute,
]);

console.log(`machine: ${machineDescription()}; load average at start ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
console.log("length   file      pass (parse+hash)   store (header+copy)   stop→ready total   MiB/s   duration found");
try {
  for (const length of minutes) {
    const input = length === 1 ? oneMinute : join(folder, `${length}.webm`);
    if (length !== 1) ffmpeg(["-stream_loop", String(length - 1), "-i", oneMinute, "-c", "copy", ...liveWebm, input]);
    const bytes = statSync(input).size;
    const pass: number[] = [];
    const store: number[] = [];
    let found = 0;
    for (let round = 0; round < rounds; round += 1) {
      let started = performance.now();
      const webm = await makeWebmSeekable(input);
      pass.push(performance.now() - started);
      started = performance.now();
      const { body, size } = seekableWebmStream(input, webm);
      await storage.put(`recordings/bench-${length}-${round}`, body, size);
      store.push(performance.now() - started);
      await storage.delete(`recordings/bench-${length}-${round}`);
      found = webm.durationMs;
    }
    const total = median(pass) + median(store);
    console.log(
      `${`${length} min`.padEnd(8)} ${`${(bytes / 2 ** 20).toFixed(1)} MiB`.padEnd(9)} ${`${median(pass).toFixed(0)} ms`.padEnd(19)} ${`${median(store).toFixed(0)} ms`.padEnd(21)} ${`${total.toFixed(0)} ms`.padEnd(18)} ${(bytes / 2 ** 20 / (total / 1000)).toFixed(0).padEnd(7)} ${(found / 1000).toFixed(1)} s`,
    );
  }
} finally {
  rmSync(folder, { recursive: true, force: true });
  console.log(`load average at end ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
}
