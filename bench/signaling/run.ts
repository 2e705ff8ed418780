import { cpus, totalmem } from "node:os";
import { parseArgs } from "node:util";
import { runLevel, type LevelResult } from "./run-level";

/**
 * Signaling relay benchmark: R rooms × P peers of plain WebSocket clients against a local `partykit dev` (started
 * here, fresh for each level, random secret), each peer relaying `signal` messages to the next peer in its room.
 * Reports relay latency (send → receipt at the addressee, same clock) and messages per second.
 *
 *   bench/signaling/run.sh --rooms 100,1000 [--peers 5] [--rate 1] [--warmup 5] [--seconds 15]
 *
 * `--rooms` and `--rate` take comma-separated lists; every combination runs, in order.
 */
const { values } = parseArgs({
  options: {
    rooms: { type: "string", default: "100,1000" },
    peers: { type: "string", default: "5" },
    rate: { type: "string", default: "1" },
    warmup: { type: "string", default: "5" },
    seconds: { type: "string", default: "15" },
    concurrency: { type: "string", default: "50" },
    json: { type: "boolean", default: false },
  },
});

const list = (raw: string) => raw.split(",").map((part) => Number(part.trim()));
const positive = (name: string, value: number) => {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${value}`);
  return value;
};
const roomCounts = list(values.rooms).map((value) => positive("rooms", Math.floor(value)));
const rates = list(values.rate).map((value) => positive("rate", value));
const peersPerRoom = positive("peers", Math.floor(Number(values.peers)));
// Bounded: no level may run for more than a few minutes, whatever is asked.
const warmupSeconds = Math.min(60, positive("warmup", Number(values.warmup)));
const measureSeconds = Math.min(120, positive("seconds", Number(values.seconds)));
const connectConcurrency = positive("concurrency", Math.floor(Number(values.concurrency)));

const machine = {
  cores: cpus().length,
  cpu: cpus()[0]?.model ?? "unknown",
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  openFileLimit: await import("node:child_process").then(({ execSync }) => execSync("ulimit -n", { shell: "/bin/bash" }).toString().trim()),
};
console.log(`machine: ${machine.cores} cores, ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}, open files ≤ ${machine.openFileLimit}`);

const fixed = (value: number, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
const results: LevelResult[] = [];
for (const rooms of roomCounts) {
  for (const rate of rates) {
    console.log(`\n${rooms} rooms × ${peersPerRoom} peers, ${rate} signal/s per peer`);
    const result = await runLevel({ rooms, peersPerRoom, rate, warmupSeconds, measureSeconds, connectConcurrency }, (line) => console.log(line));
    results.push(result);
    console.log(
      `  relay latency p50 ${fixed(result.latencyMs.p50, 2)} ms, p90 ${fixed(result.latencyMs.p90, 2)} ms, p99 ${fixed(result.latencyMs.p99, 2)} ms, ` +
        `max ${fixed(result.latencyMs.max)} ms (${result.latencyMs.samples} samples; ${result.secondsOver50Ms.worse} of ${result.secondsOver50Ms.of} s saw > 50 ms)`,
    );
    console.log(
      `  ${fixed(result.deliveredPerSecond, 0)} msg/s delivered of ${fixed(result.offeredPerSecond, 0)} offered, lost ${fixed(result.lostPercent, 2)} %, errors ${result.serverErrors}`,
    );
    console.log(
      `  workerd ${fixed(result.workerd.cpuPercent, 0)} % CPU, ${fixed(result.workerd.rssMb, 0)} MB RSS, ${result.workerd.openFds} fds; ` +
        `client ${fixed(result.client.cpuPercent, 0)} % CPU, event-loop delay p99 ${fixed(result.client.eventLoopDelayP99Ms, 1)} ms; ` +
        `load average ${fixed(result.loadAverage, 1)}`,
    );
  }
}
if (values.json) console.log(JSON.stringify({ machine, results }, null, 2));
