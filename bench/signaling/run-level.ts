import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { signJoinToken } from "../../lib/join-token";
import { freePort, randomSecret, startPartykitDev } from "../../tests/integration/party/partykit-dev";
import { BenchPeer, type PeerCounters } from "./bench-peer";
import { LatencyRecorder } from "./latency-recorder";
import { cpuSeconds, openDescriptors, processGroupMembers, residentMegabytes } from "./process-usage";

export type LevelOptions = {
  rooms: number;
  peersPerRoom: number;
  /** Signals each peer sends per second. */
  rate: number;
  warmupSeconds: number;
  measureSeconds: number;
  /** Handshakes in flight at once while the rooms fill. */
  connectConcurrency: number;
};

export type LevelResult = LevelOptions & {
  connected: number;
  connectFailures: string[];
  connectSeconds: number;
  offeredPerSecond: number;
  deliveredPerSecond: number;
  /** Signals sent in the measured window that never arrived (after a short drain). */
  lostPercent: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; samples: number };
  /** Seconds of the window in which some relay took over 50 ms: 1 or 2 means a stall, most of them a saturated server. */
  secondsOver50Ms: { worse: number; of: number };
  workerd: { cpuPercent: number; rssMb: number; openFds: number };
  client: { cpuPercent: number; eventLoopDelayP99Ms: number };
  serverErrors: number;
  /** 1-minute load average when the window ended: anything near the core count means other work competed. */
  loadAverage: number;
};

async function pool<T>(count: number, concurrency: number, work: (index: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const results: PromiseSettledResult<T>[] = new Array(count);
  let next = 0;
  const lanes = Array.from({ length: Math.min(concurrency, count) }, async () => {
    while (next < count) {
      const index = next++;
      results[index] = await work(index).then(
        (value) => ({ status: "fulfilled" as const, value }),
        (reason: unknown) => ({ status: "rejected" as const, reason }),
      );
    }
  });
  await Promise.all(lanes);
  return results;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One measurement: a fresh `partykit dev`, R rooms of P peers, a warm-up, a measured window, then teardown. */
export async function runLevel(options: LevelOptions, log: (line: string) => void): Promise<LevelResult> {
  const secret = randomSecret();
  const storage = mkdtempSync(join(tmpdir(), "confer-bench-party-"));
  const dev = await startPartykitDev({ port: await freePort(), secret, persist: storage });
  const workerd = processGroupMembers(dev.child.pid!).find((member) => member.name === "workerd");
  if (!workerd) throw new Error("workerd not found in partykit dev's process group");
  const assertWorkerdAlive = () => {
    if (!processGroupMembers(dev.child.pid!).some((member) => member.pid === workerd.pid)) {
      throw new Error(`workerd (pid ${workerd.pid}) died during the run; partykit dev said:\n${dev.recentOutput()}`);
    }
  };
  const peers: BenchPeer[] = [];
  try {
    const counters: PeerCounters = { sent: 0, received: 0, errors: 0 };
    let recorder: LatencyRecorder | undefined;
    const onLatency = (ms: number) => recorder?.record(ms);

    const runId = randomSecret().slice(0, 8);
    const total = options.rooms * options.peersPerRoom;
    const connectStarted = performance.now();
    const joined = await pool(total, options.connectConcurrency, async (index) => {
      const roomId = `bench-${runId}-${Math.floor(index / options.peersPerRoom)}`;
      const token = await signJoinToken({ userId: `bench-user-${index}`, name: `Peer ${index}`, roomId, role: "participant" }, secret, { ttlSeconds: 60 });
      const url = new URL(`/parties/main/${roomId}`, dev.url);
      url.protocol = "ws:";
      url.searchParams.set("token", token);
      return BenchPeer.join(url.toString(), counters, onLatency, 30_000);
    });
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const connectFailures = [
      ...new Set(joined.flatMap((result) => (result.status === "rejected" ? [String((result.reason as Error)?.message ?? result.reason)] : []))),
    ];
    for (const result of joined) if (result.status === "fulfilled") peers.push(result.value);
    const connected = peers.length;
    log(`  ${connected}/${total} peers joined in ${connectSeconds.toFixed(1)} s${connectFailures.length ? ` (failures: ${connectFailures.join("; ")})` : ""}`);

    // Each peer signals the next one in its room; a room with a missing peer skips it.
    for (let room = 0; room < options.rooms; room += 1) {
      const members = joined.slice(room * options.peersPerRoom, (room + 1) * options.peersPerRoom);
      members.forEach((result, position) => {
        const next = members[(position + 1) % members.length];
        if (result.status !== "fulfilled" || next?.status !== "fulfilled" || next === result) return;
        result.value.startSending(next.value.participantId, options.rate);
      });
    }

    await sleep(options.warmupSeconds * 1000);
    assertWorkerdAlive();
    recorder = new LatencyRecorder();
    const loopDelay = monitorEventLoopDelay({ resolution: 5 });
    loopDelay.enable();
    const before = { sent: counters.sent, received: counters.received, workerdCpu: cpuSeconds(workerd.pid), clientCpu: process.cpuUsage(), at: performance.now() };
    await sleep(options.measureSeconds * 1000);
    assertWorkerdAlive();
    const elapsed = (performance.now() - before.at) / 1000;
    const windowRecorder = recorder;
    const sent = counters.sent - before.sent;
    const received = counters.received - before.received;
    const workerdCpu = cpuSeconds(workerd.pid) - before.workerdCpu;
    const clientCpu = process.cpuUsage(before.clientCpu);
    const rssMb = residentMegabytes(workerd.pid);
    const openFds = openDescriptors(workerd.pid);
    loopDelay.disable();

    for (const peer of peers) peer.stopSending();
    // In-flight signals still count as delivered if they land within a short drain.
    const receivedBeforeDrain = counters.received;
    await sleep(1_000);
    recorder = undefined;
    const lateArrivals = counters.received - receivedBeforeDrain;
    const [p50, p90, p99, max] = windowRecorder.percentiles(50, 90, 99, 100);

    return {
      ...options,
      connected,
      connectFailures,
      connectSeconds,
      offeredPerSecond: sent / elapsed,
      deliveredPerSecond: received / elapsed,
      lostPercent: sent === 0 ? 0 : Math.max(0, ((sent - received - lateArrivals) / sent) * 100),
      latencyMs: { p50: p50!, p90: p90!, p99: p99!, max: max!, samples: windowRecorder.size },
      secondsOver50Ms: windowRecorder.secondsWorseThan(50),
      workerd: { cpuPercent: (workerdCpu / elapsed) * 100, rssMb, openFds },
      client: { cpuPercent: ((clientCpu.user + clientCpu.system) / 1e6 / elapsed) * 100, eventLoopDelayP99Ms: loopDelay.percentile(99) / 1e6 },
      serverErrors: counters.errors,
      loadAverage: loadavg()[0]!,
    };
  } finally {
    for (const peer of peers) peer.terminate();
    await dev.stop();
    rmSync(storage, { recursive: true, force: true });
  }
}
