/**
 * Demo analytics data for the quality dashboards: about four weeks of meetings in business hours between the demo
 * users (run `npm run db:seed` first), with quality samples pushed through the real ingest use case (so the
 * per-minute rollups are what production would write), feature-usage events, and a few meetings with injected
 * problems (one sender's lossy uplink, one participant's bad downlink, a CPU-limited laptop), each analyzed with
 * analyzeMeeting. Every meeting id starts with "demo-"; a run first removes the previous run's meetings.
 *
 *   npm run seed:demo [-- --reset]        (DATABASE_URL, or the dev database on 127.0.0.1:54329)
 *
 * --reset only removes the demo meetings (cascading to their participations, samples, rollups, issues, events).
 */
import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import type { FeatureEventInput, QualitySampleInput } from "../lib/internal-api/analytics-batch";
import { devPorts } from "../lib/config/ports";

const { values } = parseArgs({ options: { reset: { type: "boolean", default: false }, days: { type: "string", default: "20" } } });
process.env.DATABASE_URL ??= `postgresql://postgres:postgres@127.0.0.1:${devPorts.postgres}/postgres`;
// Imported after DATABASE_URL is set: lib/db/prisma.ts reads it when the module loads.
const { prisma } = await import("../lib/db/prisma");
const { ingestAnalytics } = await import("../lib/server/analytics/ingest-analytics");
const { analyzeMeeting } = await import("../lib/server/analytics/analyze-meeting");

const PREFIX = "demo-";
const INTERVAL_MS = 5000;
const MINUTE = 60_000;

const removed = await prisma.meeting.deleteMany({ where: { id: { startsWith: PREFIX } } });
if (values.reset) {
  console.log(`Removed ${removed.count} demo meetings.`);
  await prisma.$disconnect();
  process.exit(0);
}

const users = await prisma.user.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
if (users.length < 3) {
  console.error("Fewer than 3 users in the database: run `npm run db:seed` first.");
  process.exit(1);
}
const rooms = await prisma.room.findMany({ select: { id: true, name: true } });

/** Deterministic pseudo-random numbers (mulberry32), so two runs produce the same demo. */
let seed = 20261124;
function random(): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

type Problem = "sender-uplink" | "bad-downlink" | "cpu" | null;
const problems: Problem[] = ["sender-uplink", "bad-downlink", "cpu"];

/** Business-hour slots over the last `days` weekdays: 1–3 meetings a day between 9:00 and 17:00 (UTC). */
const slots: { start: number; minutes: number }[] = [];
const today = new Date();
today.setUTCHours(0, 0, 0, 0);
for (let back = Number(values.days) + 8; back >= 1 && slots.length < 200; back--) {
  const day = new Date(today.getTime() - back * 24 * 3600_000);
  if (day.getUTCDay() === 0 || day.getUTCDay() === 6) continue;
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count; i++) {
    const hour = 9 + Math.floor(random() * 8);
    slots.push({ start: day.getTime() + hour * 3600_000 + pick([0, 15, 30]) * MINUTE, minutes: pick([15, 20, 25, 30]) });
  }
}

const started = performance.now();
let sampleCount = 0;
let featureCount = 0;
let issueCount = 0;
for (const [index, slot] of slots.entries()) {
  const problem: Problem = index % 6 === 5 ? problems[Math.floor(index / 6) % problems.length]! : null;
  const room = rooms.length > 0 ? pick(rooms) : null;
  const meetingId = `${PREFIX}${randomUUID()}`;
  const size = 3 + Math.floor(random() * Math.min(3, users.length - 2));
  const members = [...users].sort(() => random() - 0.5).slice(0, size);
  const participants = members.map((user) => ({ id: `${meetingId}-${user.id}`, user }));
  const end = slot.start + slot.minutes * MINUTE;
  await prisma.meeting.create({
    data: { id: meetingId, roomId: room?.id ?? null, title: room?.name ?? "Ad-hoc call", startedAt: new Date(slot.start), endedAt: new Date(end), endReason: "EMPTY" },
  });
  await prisma.participation.createMany({
    data: participants.map(({ id, user }, i) => ({
      id, meetingId, userId: user.id, displayName: user.name, role: i === 0 ? ("HOST" as const) : ("PARTICIPANT" as const),
      joinedAt: new Date(slot.start), leftAt: new Date(end), leaveReason: "left",
    })),
  });

  // The problem's subject: whose uplink is lossy, whose downlink is bad, whose laptop is CPU-bound.
  const culprit = participants[1]!.id;
  const problemFrom = slot.start + Math.floor(slot.minutes / 3) * MINUTE;
  const problemUntil = problemFrom + 6 * MINUTE;
  const relayed = index % 8 === 3 ? participants.at(-1)!.id : null;
  const samples: QualitySampleInput[] = [];
  for (let at = slot.start + INTERVAL_MS; at <= end; at += INTERVAL_MS) {
    const during = problem !== null && at >= problemFrom && at < problemUntil;
    for (const who of participants)
      for (const peer of participants) {
        if (peer === who) continue;
        const uplink = during && problem === "sender-uplink" && peer.id === culprit;
        const downlink = during && problem === "bad-downlink" && who.id === culprit;
        const cpu = during && problem === "cpu" && who.id === culprit;
        // The lossy sender's own reports show its constrained uplink (that is what attributes it to the sender).
        const constrained = during && problem === "sender-uplink" && who.id === culprit;
        const loss = uplink ? 8 + random() * 10 : downlink ? 10 + random() * 15 : random() * 0.6;
        const rtt = downlink ? 250 + random() * 200 : 30 + random() * 60;
        const jitter = downlink ? 40 + random() * 40 : 4 + random() * 12;
        const fps = cpu ? 6 + random() * 6 : 24 + random() * 6;
        samples.push({
          meetingId, participantId: who.id, peerId: peer.id, at,
          lossPct: loss, jitterMs: jitter, rttMs: rtt,
          bitrateInKbps: downlink ? 150 + random() * 150 : 900 + random() * 900,
          bitrateOutKbps: cpu || constrained ? 150 + random() * 150 : 900 + random() * 900,
          frameWidth: cpu ? 640 : 1280, frameHeight: cpu ? 360 : 720, fps,
          qualityLimitation: cpu ? "cpu" : constrained ? "bandwidth" : "none", codec: "VP8",
          // A candidate type holds for a whole connection: in some meetings one participant is behind TURN.
          candidateType: relayed === who.id || relayed === peer.id ? "relay" : "srflx",
          score: loss > 8 || rtt > 400 ? 1 : loss > 3 || fps < 15 ? 2 : 3,
        });
      }
  }
  const features: FeatureEventInput[] = [];
  for (const who of participants) {
    const events = Math.floor(random() * 6);
    for (let i = 0; i < events; i++)
      features.push({
        meetingId, participantId: who.id, at: slot.start + Math.floor(random() * slot.minutes * MINUTE),
        feature: pick(["mute", "unmute", "camera-off", "camera-on", "screen-share", "chat", "hand", "reaction", "layout", "blur"] as const),
        detail: null,
      });
  }
  // The contract's batch limits: 5,000 samples and 1,000 events per batch.
  for (let from = 0; from < samples.length; from += 5000) {
    const result = await ingestAnalytics({ batchId: randomUUID(), samples: samples.slice(from, from + 5000), features: from === 0 ? features : [] });
    sampleCount += result.samples;
    featureCount += result.features;
  }
  if (samples.length === 0 && features.length > 0) featureCount += (await ingestAnalytics({ batchId: randomUUID(), samples: [], features })).features;
  issueCount += (await analyzeMeeting(meetingId)).issues;
  if (problem) console.log(`  ${meetingId}: ${problem} (${participants[1]!.user.name}), ${new Date(problemFrom).toISOString()}`);
}

console.log(
  `Demo data: ${slots.length} meetings, ${sampleCount.toLocaleString("en-US")} samples, ${featureCount} feature events, ` +
    `${issueCount} quality issues in ${((performance.now() - started) / 1000).toFixed(1)} s (removed ${removed.count} from the previous run).`,
);
await prisma.$disconnect();
