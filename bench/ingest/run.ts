/**
 * Analytics ingest throughput: quality samples per second pushed through the real use case
 * (lib/server/analytics/ingest-analytics.ts: raw rows + additive per-minute rollups, one transaction per batch)
 * into Postgres. Issue 5 asks for ≥ 20,000 samples/s sustained.
 *
 *   flock /tmp/confer-stack.lock npx tsx --conditions=react-server bench/ingest/run.ts \
 *     [--seconds 30] [--batch 2000] [--concurrency 1] [--meetings 200]
 *
 * Without DATABASE_URL it starts the embedded Postgres (PGlite, scripts/services/embedded-postgres.ts) on the bench
 * port into a temp folder and migrates it; with DATABASE_URL it uses that database (it creates, then deletes, its
 * own Meeting rows, prefixed "bench-ingest-"). Traffic is shaped like production: each meeting has 6 participants,
 * each reporting one sample per peer (5) every 5 s, and a batch carries consecutive intervals of several rooms.
 * --concurrency > 1 is pointless on PGlite (one session: transactions queue), useful on a real server.
 */
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { AnalyticsBatch, QualitySampleInput } from "../../lib/internal-api/analytics-batch";
import { benchPorts } from "../../lib/config/ports";
import { machineDescription, percentile } from "../support/machine";

const { values } = parseArgs({
  options: {
    seconds: { type: "string", default: "30" },
    batch: { type: "string", default: "2000" },
    concurrency: { type: "string", default: "1" },
    meetings: { type: "string", default: "200" },
  },
});
const durationMs = Math.max(1, Number(values.seconds)) * 1000;
const batchSize = Math.max(30, Number(values.batch));
const concurrency = Math.max(1, Number(values.concurrency));
const meetingCount = Math.max(1, Number(values.meetings));
const PARTICIPANTS = 6;
const INTERVAL_MS = 5000;
const WINDOW_MS = 10_000;

async function startEmbeddedPostgres(): Promise<{ url: string; child: ChildProcess; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), "confer-bench-ingest-"));
  // tsx directly (not npx): SIGTERM must reach the server so it closes PGlite.
  const child = spawn("node_modules/.bin/tsx", ["scripts/services/embedded-postgres.ts", "--data-dir", dir, "--port", String(benchPorts.postgres)], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on("line", (line) => line.startsWith("READY ") && resolve(line.slice(6).trim()));
    child.on("exit", (code) => reject(new Error(`embedded Postgres exited (${code})`)));
  });
  return { url, child, dir };
}

function migrate(url: string) {
  const result = spawnSync("node_modules/.bin/prisma", ["migrate", "deploy"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "ignore", "inherit"] });
  if (result.status !== 0) throw new Error("prisma migrate deploy failed");
}

const given = process.env.DATABASE_URL;
const embedded = given ? null : await startEmbeddedPostgres();
const databaseUrl = given ?? embedded!.url;
process.env.DATABASE_URL = databaseUrl;
if (embedded) migrate(databaseUrl);
// Imported after DATABASE_URL is set: lib/db/prisma.ts reads it when the module loads.
const { prisma } = await import("../../lib/db/prisma");
const { ingestAnalytics } = await import("../../lib/server/analytics/ingest-analytics");

const runId = randomUUID().slice(0, 8);
const start = Date.now() - 24 * 3600_000;
const meetings = Array.from({ length: meetingCount }, (_, m) => ({
  id: `bench-ingest-${runId}-${m}`,
  participants: Array.from({ length: PARTICIPANTS }, (_, p) => `bench-ingest-${runId}-${m}-p${p}`),
  clock: start,
}));
await prisma.meeting.createMany({ data: meetings.map((m) => ({ id: m.id, title: "Ingest bench", startedAt: new Date(start) })) });
await prisma.participation.createMany({
  data: meetings.flatMap((m) => m.participants.map((id, p) => ({ id, meetingId: m.id, displayName: `P${p}`, role: "PARTICIPANT" as const, joinedAt: new Date(start) }))),
});

/** Plausible figures with some noise; one participant in ten has a lossy link, so rollups see poor samples. */
function sample(meetingId: string, participantId: string, peerId: string, at: number, lossy: boolean): QualitySampleInput {
  const loss = lossy ? 4 + Math.random() * 8 : Math.random() * 0.5;
  return {
    meetingId, participantId, peerId, at,
    lossPct: loss, jitterMs: 5 + Math.random() * 20, rttMs: 30 + Math.random() * 80,
    bitrateInKbps: 800 + Math.random() * 1200, bitrateOutKbps: 800 + Math.random() * 1200,
    frameWidth: 1280, frameHeight: 720, fps: 24 + Math.random() * 6,
    qualityLimitation: "none", codec: "VP8", candidateType: "srflx", score: loss > 5 ? 1 : loss > 2 ? 2 : 3,
  };
}

let nextMeeting = 0;
/** The next `batchSize` samples: one 5 s interval of the next rooms in turn (30 samples per room per interval). */
function nextBatch(): AnalyticsBatch {
  const samples: QualitySampleInput[] = [];
  while (samples.length + PARTICIPANTS * (PARTICIPANTS - 1) <= batchSize) {
    const meeting = meetings[nextMeeting++ % meetings.length]!;
    meeting.clock += INTERVAL_MS;
    for (const [i, who] of meeting.participants.entries())
      for (const peer of meeting.participants) if (peer !== who) samples.push(sample(meeting.id, who, peer, meeting.clock, i === 0 && nextMeeting % 10 === 0));
  }
  return { batchId: randomUUID(), samples, features: [] };
}

console.error(`ingest bench: ${databaseUrl.replace(/:[^:@/]+@/, ":***@")}, batch ${batchSize}, concurrency ${concurrency}, ${values.seconds} s`);
// Warm-up (connection pool, plans) outside the measurement.
for (let i = 0; i < 3; i++) await ingestAnalytics(nextBatch());

const latencies: number[] = [];
const windows: number[] = [];
let total = 0;
const began = performance.now();
const deadline = began + durationMs;
async function worker() {
  while (performance.now() < deadline) {
    const batch = nextBatch();
    const t0 = performance.now();
    const result = await ingestAnalytics(batch);
    const t1 = performance.now();
    if (result.samples !== batch.samples.length) throw new Error(`stored ${result.samples} of ${batch.samples.length} samples`);
    latencies.push(t1 - t0);
    total += result.samples;
    const window = Math.floor((t1 - began) / WINDOW_MS);
    windows[window] = (windows[window] ?? 0) + result.samples;
  }
}
await Promise.all(Array.from({ length: concurrency }, worker));
const elapsedS = (performance.now() - began) / 1000;

const stored = await prisma.qualitySample.count({ where: { meetingId: { in: meetings.map((m) => m.id) } } });
const sorted = latencies.sort((a, b) => a - b);
console.log(`machine: ${machineDescription()}`);
console.log(`database: ${given ? "DATABASE_URL" : "embedded PGlite"}; batch ${batchSize} samples; concurrency ${concurrency}; ${meetingCount} meetings × ${PARTICIPANTS} participants × ${PARTICIPANTS - 1} peers, 5 s apart`);
console.log(`overall: ${Math.round(total / elapsedS).toLocaleString("en-US")} samples/s (${total.toLocaleString("en-US")} samples, ${latencies.length} batches in ${elapsedS.toFixed(1)} s; ${stored.toLocaleString("en-US")} rows in QualitySample)`);
// Only full windows: the batches ending after the deadline would make a last, short window look fast.
const full = Array.from(windows, (n) => n ?? 0).slice(0, Math.floor((elapsedS * 1000) / WINDOW_MS));
console.log(`per 10 s window: ${full.map((n) => Math.round(n / (WINDOW_MS / 1000)).toLocaleString("en-US")).join(" · ")} samples/s`);
console.log(`batch latency: p50 ${percentile(sorted, 50).toFixed(0)} ms · p95 ${percentile(sorted, 95).toFixed(0)} ms · max ${sorted.at(-1)!.toFixed(0)} ms`);

// Cascades to participations, samples and rollups.
await prisma.meeting.deleteMany({ where: { id: { startsWith: `bench-ingest-${runId}-` } } });
await prisma.$disconnect();
if (embedded) {
  embedded.child.kill("SIGTERM");
  await new Promise((resolve) => embedded.child.once("exit", resolve));
  rmSync(embedded.dir, { recursive: true, force: true });
}
