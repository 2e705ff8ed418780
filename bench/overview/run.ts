/**
 * Admin overview over 30 days and ≥ 10 million quality samples (issue 5: ≤ 300 ms server time), on a real
 * PostgreSQL 15. See docs/benchmarks.md "Admin overview over 10M samples".
 *
 *   url=$(bench/overview/pg.sh start 54359)            # throwaway cluster in /tmp, port 54359
 *   DATABASE_URL=$url npx prisma migrate deploy
 *   DATABASE_URL=$url npx tsx --conditions=react-server bench/overview/run.ts generate [--samples 10000000] [--days 30] [--workers 2]
 *   bench/overview/pg.sh restart                        # empty shared buffers: the first measured call is cold
 *   DATABASE_URL=$url flock /tmp/confer-stack.lock npx tsx --conditions=react-server bench/overview/run.ts measure [--runs 30]
 *   DATABASE_URL=$url npx tsx --conditions=react-server bench/overview/run.ts explain
 *   bench/overview/pg.sh stop
 *
 * generate: the demo seed's model (scripts/seed-demo.ts: samples every 5 s per reporter × peer, the same figure
 * distributions and score formula, every sixth meeting with an injected sender-uplink / bad-downlink / CPU problem,
 * every eighth with one participant behind TURN), scaled to a company's month: meetings in business hours, fewer at
 * weekends, 2–12 people, 15–90 min, some joining late or leaving early, until the sample count reaches --samples.
 * The plan (meetings, participants, problem windows) is made here with a seeded PRNG; the rows are made by Postgres
 * (INSERT … SELECT over generate_series, one statement per day, --workers days at a time): raw QualitySample rows, and
 * in the same statement the per-minute rollups aggregated from exactly those rows the way
 * lib/domain/quality/rollup-minutes.ts does it (checked afterwards: the real rollupMinutes over some meetings' raw
 * samples must give the stored rows). QualityIssue rows come from the real use case, analyzeMeeting, over the
 * meetings with an injected problem or a relayed participant (the others' figures stay far below every detector
 * threshold, so analysis finds nothing there). Then VACUUM ANALYZE. The database must hold no other meetings: the
 * overview counts every meeting in the range.
 *
 * measure: getOverview and listMeetings exactly as app/admin/page.tsx and app/admin/meetings/page.tsx call them
 * (parseDateRange over the data's 30 days), first call of the process (cold: new connections; after pg.sh restart also
 * empty shared buffers), then --runs warm calls each: p50 / p95 / max of the server time (in-process wall clock).
 *
 * explain: EXPLAIN (ANALYZE, BUFFERS) of every SQL statement those calls send, captured from Prisma's query log.
 */
import { parseArgs } from "node:util";
import pg from "pg";
import { machineDescription, percentile } from "../support/machine";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    samples: { type: "string", default: "10000000" },
    days: { type: "string", default: "30" },
    workers: { type: "string", default: "2" },
    runs: { type: "string", default: "30" },
  },
});
const phase = positionals[0];
if (phase !== "generate" && phase !== "measure" && phase !== "explain") {
  console.error("usage: run.ts generate|measure|explain [--samples N] [--days D] [--workers W] [--runs R]");
  process.exit(2);
}
const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error("DATABASE_URL must point at a throwaway PostgreSQL database (bench/overview/pg.sh start).");
  process.exit(2);
}

const PREFIX = "bench-overview-";
const MINUTE = 60_000;
const DAY = 86_400_000;
const TICK_MS = 5000;
const TICKS_PER_MINUTE = MINUTE / TICK_MS;
const fmt = (n: number) => n.toLocaleString("en-US");
const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;


// ─── generate ─────────────────────────────────────────────────────────────────────────────────────────────

type Problem = "sender-uplink" | "bad-downlink" | "cpu" | null;
type PlannedParticipant = { id: string; userIndex: number; k0: number; k1: number };
type PlannedMeeting = {
  id: string;
  day: number;
  start: number;
  minutes: number;
  room: number;
  problem: Problem;
  /** Problem window in ticks (sample k is at start + k·5 s), [pk0, pk1); -1 without a problem. */
  pk0: number;
  pk1: number;
  culprit: string | null;
  relayed: string | null;
  participants: PlannedParticipant[];
};

/** mulberry32, as scripts/seed-demo.ts: the same plan on every run. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function weighted<T>(random: () => number, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, w]) => sum + w, 0);
  let r = random() * total;
  for (const [value, w] of table) if ((r -= w) < 0) return value;
  return table.at(-1)![0];
}

const USERS = 400;
const ROOMS = 60;
const SIZES = [[2, 18], [3, 20], [4, 18], [5, 14], [6, 10], [7, 7], [8, 5], [10, 5], [12, 3]] as const;
const DURATIONS = [[15, 20], [30, 40], [45, 15], [60, 20], [90, 5]] as const;
/** Start hour (UTC) of a meeting: an org spread over European and American business hours. */
const HOURS = [[7, 4], [8, 8], [9, 12], [10, 12], [11, 9], [12, 5], [13, 10], [14, 12], [15, 11], [16, 8], [17, 5], [18, 3]] as const;
const PROBLEMS: Problem[] = ["sender-uplink", "bad-downlink", "cpu"];

/** Samples a meeting produces: every reporter × peer pair, one per 5 s while both are in. */
function sampleCount(m: PlannedMeeting): number {
  let n = 0;
  for (const w of m.participants)
    for (const p of m.participants) if (w !== p) n += Math.max(0, Math.min(w.k1, p.k1) - Math.max(w.k0, p.k0) + 1);
  return n;
}

function plan(targetSamples: number, days: number): { meetings: PlannedMeeting[]; samples: number; firstDay: number } {
  const random = prng(20261124);
  const today = new Date();
  today.setUTCHours(0, 0, 0, 0);
  // The `days` complete UTC days before today: every meeting has ended, and the range is exactly `days` long.
  const firstDay = today.getTime() - days * DAY;
  const dayWeights = Array.from({ length: days }, (_, d) => {
    const weekday = new Date(firstDay + d * DAY).getUTCDay();
    return [d, weekday === 0 || weekday === 6 ? 0.08 : 1] as const;
  });
  const drafts: Omit<PlannedMeeting, "id" | "problem" | "pk0" | "pk1" | "culprit" | "relayed">[] = [];
  let samples = 0;
  while (samples < targetSamples) {
    const day = weighted(random, dayWeights);
    const minutes = weighted(random, DURATIONS);
    const size = weighted(random, SIZES);
    // Meetings start on the quarter hour; the first person is admitted 0–4 min later.
    const start = firstDay + day * DAY + weighted(random, HOURS) * 3600_000 + Math.floor(random() * 4) * 15 * MINUTE + Math.floor(random() * 240_000);
    const ticks = minutes * TICKS_PER_MINUTE;
    const users = new Set<number>();
    while (users.size < size) users.add(Math.floor(random() * USERS));
    const participants = [...users].map((userIndex, i) => {
      // The host is there throughout; a quarter of the others join 1–5 min late, one in ten leaves early.
      const late = i > 0 && random() < 0.25 ? 1 + Math.floor(random() * 5) : 0;
      const early = i > 0 && random() < 0.1 ? 1 + Math.floor(random() * Math.min(10, minutes / 3)) : 0;
      return { id: "", userIndex, k0: late * TICKS_PER_MINUTE + 1, k1: ticks - early * TICKS_PER_MINUTE };
    });
    const draft = { day, start, minutes, room: Math.floor(random() * ROOMS), participants };
    drafts.push(draft);
    samples += sampleCount(draft as PlannedMeeting);
  }
  drafts.sort((a, b) => a.start - b.start);
  const meetings = drafts.map((draft, index): PlannedMeeting => {
    const id = `${PREFIX}${String(index).padStart(5, "0")}`;
    const participants = draft.participants.map((p, i) => ({ ...p, id: `${id}-p${i}` }));
    // The seed's cadence: every sixth meeting has a six-minute problem a third of the way in, every eighth a
    // participant behind TURN.
    const problem = index % 6 === 5 ? PROBLEMS[Math.floor(index / 6) % PROBLEMS.length]! : null;
    const pk0 = problem ? Math.floor(draft.minutes / 3) * TICKS_PER_MINUTE : -1;
    return {
      ...draft, id, participants, problem, pk0, pk1: problem ? pk0 + 6 * TICKS_PER_MINUTE : -1,
      culprit: problem ? participants[1]!.id : null,
      relayed: index % 8 === 3 ? participants.at(-1)!.id : null,
    };
  });
  return { meetings, samples, firstDay };
}

/** Raw samples of one day's meetings, and in the same statement their per-participant and per-meeting minute
 * rollups. The figures follow scripts/seed-demo.ts; the rollups follow lib/domain/quality/rollup-minutes.ts (null
 * figures would count 0, poor = score ≤ 1, participants = distinct reporters in the minute). OFFSET 0 keeps
 * the volatile random() calls in their own subquery, evaluated once per row. */
const DAY_SQL = `
WITH samples AS (
  INSERT INTO "QualitySample" ("meetingId", "participationId", "peerParticipationId", "at", "lossPct", "jitterMs",
    "rttMs", "bitrateInKbps", "bitrateOutKbps", "frameWidth", "frameHeight", "fps", "qualityLimitation", "codec",
    "candidateType", "score")
  SELECT mid, wid, pid, at, loss, jitter, rtt, bi, bo, fw, fh, fps, ql, 'VP8', ct,
    CASE WHEN loss > 8 OR rtt > 400 THEN 1 WHEN loss > 3 OR fps < 15 THEN 2 ELSE 3 END
  FROM (
    SELECT m.id AS mid, w.id AS wid, pe.id AS pid, m.start + k * interval '5 seconds' AS at,
      CASE WHEN f.uplink THEN 8 + random() * 10 WHEN f.downlink THEN 10 + random() * 15 ELSE random() * 0.6 END AS loss,
      CASE WHEN f.downlink THEN 250 + random() * 200 ELSE 30 + random() * 60 END AS rtt,
      CASE WHEN f.downlink THEN 40 + random() * 40 ELSE 4 + random() * 12 END AS jitter,
      CASE WHEN f.cpu THEN 6 + random() * 6 ELSE 24 + random() * 6 END AS fps,
      CASE WHEN f.downlink THEN 150 + random() * 150 ELSE 900 + random() * 900 END AS bi,
      CASE WHEN f.cpu OR f.constrained THEN 150 + random() * 150 ELSE 900 + random() * 900 END AS bo,
      CASE WHEN f.cpu THEN 640 ELSE 1280 END AS fw, CASE WHEN f.cpu THEN 360 ELSE 720 END AS fh,
      CASE WHEN f.cpu THEN 'cpu' WHEN f.constrained THEN 'bandwidth' ELSE 'none' END AS ql,
      CASE WHEN m.relayed IN (w.id, pe.id) THEN 'relay' ELSE 'srflx' END AS ct
    FROM bench_overview_meeting m
    JOIN bench_overview_part w ON w.mid = m.id
    JOIN bench_overview_part pe ON pe.mid = m.id AND pe.id <> w.id
    CROSS JOIN LATERAL generate_series(greatest(w.k0, pe.k0), least(w.k1, pe.k1)) AS k
    CROSS JOIN LATERAL (SELECT
      k >= m.pk0 AND k < m.pk1 AND m.problem = 'sender-uplink' AND pe.id = m.culprit AS uplink,
      k >= m.pk0 AND k < m.pk1 AND m.problem = 'bad-downlink' AND w.id = m.culprit AS downlink,
      k >= m.pk0 AND k < m.pk1 AND m.problem = 'cpu' AND w.id = m.culprit AS cpu,
      k >= m.pk0 AND k < m.pk1 AND m.problem = 'sender-uplink' AND w.id = m.culprit AS constrained) f
    WHERE m.day = $1
    OFFSET 0
  ) s
  ORDER BY at
  RETURNING "meetingId", "participationId", "at", "lossPct", "jitterMs", "rttMs", "bitrateInKbps", "bitrateOutKbps", "fps", "score"
), participant_minutes AS (
  INSERT INTO "ParticipantQualityMinute" ("meetingId", "participationId", "minute", "samples", "poorSamples",
    "scoreSum", "lossPctSum", "lossPctMax", "jitterMsSum", "rttMsSum", "bitrateInKbpsSum", "bitrateOutKbpsSum", "fpsSum")
  SELECT "meetingId", "participationId", date_trunc('minute', "at"), count(*), count(*) FILTER (WHERE "score" <= 1),
    sum("score"), sum(coalesce("lossPct", 0)), max(coalesce("lossPct", 0)), sum(coalesce("jitterMs", 0)),
    sum(coalesce("rttMs", 0)), sum(coalesce("bitrateInKbps", 0)), sum(coalesce("bitrateOutKbps", 0)), sum(coalesce("fps", 0))
  FROM samples GROUP BY 1, 2, 3
  RETURNING "meetingId", "minute", "samples", "poorSamples", "scoreSum", "lossPctSum", "rttMsSum", "jitterMsSum"
)
INSERT INTO "MeetingQualityMinute" ("meetingId", "minute", "samples", "poorSamples", "scoreSum", "lossPctSum",
  "rttMsSum", "jitterMsSum", "participants")
SELECT "meetingId", "minute", sum("samples"), sum("poorSamples"), sum("scoreSum"), sum("lossPctSum"), sum("rttMsSum"),
  sum("jitterMsSum"), count(*)
FROM participant_minutes GROUP BY 1, 2`;

/** 0–5 feature events per participant at random moments of the meeting, as the demo seed. The lateral count
 * refers to the participant row so that it is drawn again for each one. */
const FEATURES_SQL = `
INSERT INTO "FeatureEvent" ("meetingId", "participationId", "at", "feature", "detail")
SELECT m.id, p.id, m.start + (random() * m.minutes * 60000) * interval '1 millisecond',
  (ARRAY['mute','unmute','camera-off','camera-on','screen-share','chat','hand','reaction','layout','blur'])[1 + floor(random() * 10)::int],
  NULL
FROM bench_overview_meeting m
JOIN bench_overview_part p ON p.mid = m.id
CROSS JOIN LATERAL generate_series(1, floor(random() * 6)::int + 0 * length(p.id)) AS n
WHERE m.day = $1`;

async function generate() {
  const target = Number(values.samples);
  const days = Number(values.days);
  const workers = Math.max(1, Number(values.workers));
  const began = performance.now();
  const { meetings, samples, firstDay } = plan(target, days);
  const participants = meetings.flatMap((m) => m.participants.map((p) => ({ ...p, mid: m.id })));
  console.log(`plan: ${fmt(meetings.length)} meetings, ${fmt(participants.length)} participations, ${fmt(samples)} samples over ${days} days from ${new Date(firstDay).toISOString().slice(0, 10)}`);

  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const others = await db.query(`SELECT count(*)::int AS n FROM "Meeting" WHERE id NOT LIKE '${PREFIX}%'`);
  if (others.rows[0].n > 0) throw new Error(`the database holds ${others.rows[0].n} other meetings: use a throwaway database`);
  // Cascades to participations, samples, rollups, issues and events of a previous run.
  await db.query(`TRUNCATE "Meeting", "IngestBatch" CASCADE`);
  await db.query(`DELETE FROM "Room" WHERE slug LIKE '${PREFIX}%'`);
  await db.query(`DELETE FROM "User" WHERE directory = 'bench-overview'`);
  await db.query(`
    INSERT INTO "User" (id, directory, subject, email, name, groups, "updatedAt")
    SELECT '${PREFIX}u' || i, 'bench-overview', 'u' || i, 'user' || i || '@bench.example', 'Bench User ' || i, '{}', now()
    FROM generate_series(0, ${USERS - 1}) i`);
  await db.query(`
    INSERT INTO "Room" (id, slug, name, "ownerId", "updatedAt")
    SELECT '${PREFIX}r' || i, '${PREFIX}room-' || i, 'Team room ' || i, '${PREFIX}u' || (i * 7 % ${USERS}), now()
    FROM generate_series(0, ${ROOMS - 1}) i`);

  // The plan, as two unlogged staging tables the generating statements join.
  await db.query(`DROP TABLE IF EXISTS bench_overview_meeting, bench_overview_part`);
  await db.query(`CREATE UNLOGGED TABLE bench_overview_meeting (id text PRIMARY KEY, day int, start timestamp(3), minutes int,
    room int, problem text, pk0 int, pk1 int, culprit text, relayed text)`);
  await db.query(`CREATE UNLOGGED TABLE bench_overview_part (id text PRIMARY KEY, mid text, user_index int, k0 int, k1 int)`);
  await db.query(`CREATE INDEX ON bench_overview_meeting (day)`);
  await db.query(`CREATE INDEX ON bench_overview_part (mid)`);
  const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "");
  await db.query(
    `INSERT INTO bench_overview_meeting SELECT * FROM unnest($1::text[], $2::int[], $3::timestamp[], $4::int[], $5::int[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[])`,
    [meetings.map((m) => m.id), meetings.map((m) => m.day), meetings.map((m) => iso(m.start)), meetings.map((m) => m.minutes), meetings.map((m) => m.room),
      meetings.map((m) => m.problem), meetings.map((m) => m.pk0), meetings.map((m) => m.pk1), meetings.map((m) => m.culprit), meetings.map((m) => m.relayed)],
  );
  await db.query(`INSERT INTO bench_overview_part SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[])`, [
    participants.map((p) => p.id), participants.map((p) => p.mid), participants.map((p) => p.userIndex), participants.map((p) => p.k0), participants.map((p) => p.k1),
  ]);
  await db.query(`
    INSERT INTO "Meeting" (id, "roomId", title, "startedAt", "endedAt", "endReason", "updatedAt")
    SELECT id, '${PREFIX}r' || room, 'Team room ' || room, start, start + minutes * interval '1 minute', 'EMPTY', now()
    FROM bench_overview_meeting`);
  // joinedAt / leftAt match the ticks: the first sample comes 5 s after joining, the last at leaving.
  await db.query(`
    INSERT INTO "Participation" (id, "meetingId", "userId", "displayName", role, "joinedAt", "leftAt", "leaveReason")
    SELECT p.id, p.mid, '${PREFIX}u' || p.user_index, 'Bench User ' || p.user_index,
      CASE WHEN p.id LIKE '%-p0' THEN 'HOST' ELSE 'PARTICIPANT' END::"MeetingRole",
      m.start + (p.k0 - 1) * interval '5 seconds', m.start + p.k1 * interval '5 seconds', 'left'
    FROM bench_overview_part p JOIN bench_overview_meeting m ON m.id = p.mid`);
  console.log(`meetings, participations, users, rooms: ${seconds(began)}`);

  // One day per statement, `workers` connections at a time. setseed makes each day's figures reproducible.
  const queue = Array.from({ length: days }, (_, d) => d);
  let done = 0;
  const genBegan = performance.now();
  async function worker() {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(`SET work_mem = '256MB'`);
    for (let day = queue.shift(); day !== undefined; day = queue.shift()) {
      await client.query("BEGIN");
      await client.query(`SELECT setseed($1)`, [(day + 1) / (days + 1)]);
      await client.query(DAY_SQL, [day]);
      await client.query(FEATURES_SQL, [day]);
      await client.query("COMMIT");
      done++;
      if (done % 5 === 0 || done === days) console.log(`  ${done}/${days} days of samples + rollups + feature events: ${seconds(genBegan)}`);
    }
    await client.end();
  }
  await Promise.all(Array.from({ length: workers }, worker));
  console.log(`samples, rollups, feature events: ${seconds(genBegan)}`);

  process.env.DATABASE_URL = databaseUrl;
  const { prisma } = await import("../../lib/db/prisma");
  const { analyzeMeeting } = await import("../../lib/server/analytics/analyze-meeting");
  const { rollupMinutes } = await import("../../lib/domain/quality/rollup-minutes");

  // Issues through the real use case, for the meetings whose figures can cross a detector threshold.
  const analyzed = meetings.filter((m) => m.problem || m.relayed);
  const analysisBegan = performance.now();
  let issues = 0;
  const pending = [...analyzed];
  await Promise.all(
    Array.from({ length: workers }, async () => {
      for (let m = pending.shift(); m; m = pending.shift()) {
        const found = (await analyzeMeeting(m.id)).issues;
        issues += found;
      }
    }),
  );
  console.log(`analyzeMeeting over ${analyzed.length} meetings: ${fmt(issues)} issues, ${seconds(analysisBegan)}`);

  await db.query(`DROP TABLE bench_overview_meeting, bench_overview_part`);
  const vacuumBegan = performance.now();
  await db.query(`VACUUM ANALYZE`);
  console.log(`VACUUM ANALYZE: ${seconds(vacuumBegan)}`);

  // The rollups must be what ingest writes: the real rollupMinutes over some meetings' raw samples (each problem
  // kind, a relayed one, clean ones) must give the stored rows.
  const checked = [meetings[3]!, meetings[5]!, meetings[11]!, meetings[17]!, ...meetings.filter((_, i) => i % Math.ceil(meetings.length / 8) === 0)];
  let rowsChecked = 0;
  for (const m of checked) {
    const raw = await prisma.qualitySample.findMany({ where: { meetingId: m.id } });
    const expected = rollupMinutes(raw.map((s) => ({ ...s, participantId: s.participationId, at: s.at.getTime() })));
    const storedP = await prisma.participantQualityMinute.findMany({ where: { meetingId: m.id } });
    const storedM = await prisma.meetingQualityMinute.findMany({ where: { meetingId: m.id } });
    const pKey = (r: { participantId?: string; participationId?: string; minute: number | Date }) =>
      `${r.participantId ?? r.participationId}@${typeof r.minute === "number" ? r.minute : r.minute.getTime()}`;
    const mKey = (r: { minute: number | Date }) => String(typeof r.minute === "number" ? r.minute : r.minute.getTime());
    compareRows(m.id, expected.participantMinutes, storedP, pKey);
    compareRows(m.id, expected.meetingMinutes, storedM, mKey);
    rowsChecked += storedP.length + storedM.length;
  }
  console.log(`rollups = rollupMinutes(raw samples) for ${checked.length} meetings (${fmt(rowsChecked)} rollup rows)`);

  const counts = await db.query(`SELECT
    (SELECT count(*) FROM "QualitySample")::bigint AS samples, (SELECT count(*) FROM "ParticipantQualityMinute")::int AS participant_minutes,
    (SELECT count(*) FROM "MeetingQualityMinute")::int AS meeting_minutes, (SELECT count(*) FROM "Meeting")::int AS meetings,
    (SELECT count(*) FROM "Participation")::int AS participations, (SELECT count(*) FROM "QualityIssue")::int AS issues,
    (SELECT count(*) FROM "FeatureEvent")::int AS feature_events,
    pg_size_pretty(pg_total_relation_size('"QualitySample"')) AS samples_size`);
  const c = counts.rows[0];
  console.log(
    `stored: ${fmt(Number(c.samples))} QualitySample (${c.samples_size} with indexes), ${fmt(c.participant_minutes)} ParticipantQualityMinute, ` +
      `${fmt(c.meeting_minutes)} MeetingQualityMinute, ${fmt(c.meetings)} Meeting, ${fmt(c.participations)} Participation, ` +
      `${fmt(c.issues)} QualityIssue, ${fmt(c.feature_events)} FeatureEvent`,
  );
  console.log(`generate total: ${seconds(began)} on ${machineDescription()}`);
  await db.end();
  await prisma.$disconnect();
}

function compareRows<E extends object, S extends object>(meetingId: string, expected: E[], stored: S[], key: (row: never) => string) {
  if (expected.length !== stored.length) throw new Error(`${meetingId}: ${stored.length} rollup rows stored, rollupMinutes gives ${expected.length}`);
  const byKey = new Map(stored.map((row) => [key(row as never), row as Record<string, unknown>]));
  for (const row of expected as Record<string, unknown>[]) {
    const other = byKey.get(key(row as never));
    if (!other) throw new Error(`${meetingId}: no stored rollup row for ${key(row as never)}`);
    for (const [field, value] of Object.entries(row)) {
      if (typeof value !== "number" || field === "minute") continue;
      const got = Number(other[field]);
      // Sums of floats in another order differ in the last bits; counts must be equal.
      if (Math.abs(got - value) > 1e-9 * Math.max(1, Math.abs(value)))
        throw new Error(`${meetingId} ${key(row as never)} ${field}: stored ${got}, rollupMinutes ${value}`);
    }
  }
}

// ─── measure / explain ────────────────────────────────────────────────────────────────────────────────────

/** The data's days as the admin pages receive them: ?from=YYYY-MM-DD&to=YYYY-MM-DD (to inclusive). */
async function pageRange() {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  const { rows } = await db.query(`SELECT min("startedAt") AS first, max("startedAt") AS last, count(*)::int AS n FROM "Meeting"`);
  await db.end();
  if (rows[0].n === 0) throw new Error("no meetings: run `run.ts generate` first");
  const day = (value: Date | string) => new Date(value).toISOString().slice(0, 10);
  const { parseDateRange } = await import("../../app/admin/date-range");
  // --days from the first meeting's day: the generated range, even if its first or last day had no meeting.
  const from = new Date(`${day(rows[0].first)}T00:00:00Z`);
  return parseDateRange({ from: day(from), to: day(new Date(from.getTime() + (Number(values.days) - 1) * DAY)) });
}

type Call = { name: string; run: () => Promise<unknown> };

async function calls(): Promise<{ range: Awaited<ReturnType<typeof pageRange>>; list: Call[] }> {
  const range = await pageRange();
  const { getOverview } = await import("../../lib/server/analytics/queries/get-overview");
  const { listMeetings } = await import("../../lib/server/analytics/queries/list-meetings");
  const page = { from: range.from, to: range.to, page: 1, pageSize: 25 };
  return {
    range,
    list: [
      { name: "getOverview (/admin)", run: () => getOverview({ from: range.from, to: range.to }) },
      { name: "listMeetings recent, page 1", run: () => listMeetings({ ...page, sort: "recent", withIssuesOnly: false }) },
      { name: "listMeetings worst, page 1", run: () => listMeetings({ ...page, sort: "worst", withIssuesOnly: false }) },
      { name: "listMeetings worst + issues only", run: () => listMeetings({ ...page, sort: "worst", withIssuesOnly: true }) },
      { name: "listMeetings recent, page 40", run: () => listMeetings({ ...page, page: 40, sort: "recent", withIssuesOnly: false }) },
    ],
  };
}

async function measure() {
  const runs = Math.max(1, Number(values.runs));
  const { range, list } = await calls();
  const { prisma } = await import("../../lib/db/prisma");
  console.log(`machine: ${machineDescription()}; load average ${(await import("node:os")).loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  console.log(`range: ${range.fromInput} … ${range.toInput} (${(range.to.getTime() - range.from.getTime()) / DAY} days)`);
  // Prisma's first query loads its query compiler and opens the first connection: timed apart, so that the
  // overview's first call shows the database side (cold buffers after `pg.sh restart`, new pool connections).
  const init = await timed(() => prisma.$queryRaw`SELECT 1`);
  console.log(`Prisma client's first query (SELECT 1): ${init.ms.toFixed(1)} ms`);
  for (const [index, call] of list.entries()) {
    // The process's first call (index 0) is the cold one: new connections, and after `pg.sh restart` empty buffers.
    const first = await timed(call.run);
    if (index === 0) {
      const overview = first.result as import("../../lib/server/analytics/queries/get-overview").Overview;
      console.log(
        `overview: ${overview.meetingsPerDay.reduce((s, d) => s + d.meetings, 0)} meetings on ${overview.meetingsPerDay.length} days, ` +
          `${fmt(overview.participantMinutes)} participant-minutes, poor ${(overview.poorShare * 100).toFixed(2)} %, ` +
          `issues ${overview.topIssueKinds.map((i) => `${i.kind} ${i.count}`).join(", ")}, ${overview.featureUsage.length} features`,
      );
    }
    const warm: number[] = [];
    for (let i = 0; i < runs; i++) warm.push((await timed(call.run)).ms);
    warm.sort((a, b) => a - b);
    console.log(
      `${call.name.padEnd(34)} first ${first.ms.toFixed(1)} ms · warm (${runs}) p50 ${percentile(warm, 50).toFixed(1)} ms · ` +
        `p95 ${percentile(warm, 95).toFixed(1)} ms · max ${warm.at(-1)!.toFixed(1)} ms`,
    );
  }
  const volume = await prisma.$queryRaw<{ relname: string; rows: number; size: string }[]>`
    SELECT relname, reltuples::float8 AS rows, pg_size_pretty(pg_total_relation_size(oid)) AS size FROM pg_class
    WHERE relname IN ('QualitySample', 'ParticipantQualityMinute', 'MeetingQualityMinute', 'Meeting', 'Participation', 'QualityIssue', 'FeatureEvent')
    ORDER BY reltuples DESC`;
  console.log(`tables (planner estimates): ${volume.map((v) => `${v.relname} ${fmt(Math.round(v.rows))} rows ${v.size}`).join(", ")}`);
  await prisma.$disconnect();
}

async function timed(run: () => Promise<unknown>): Promise<{ ms: number; result: unknown }> {
  const t0 = performance.now();
  const result = await run();
  return { ms: performance.now() - t0, result };
}

/** Installs a query-logging PrismaClient as the process's client (lib/db/prisma.ts reuses `conferPrisma`), runs
 * each call once, then EXPLAIN ANALYZEs every statement it sent with the same parameters. */
async function explain() {
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { PrismaClient } = await import("../../lib/db/generated/client");
  const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl! }), log: [{ emit: "event", level: "query" }] });
  const statements: { query: string; params: string }[] = [];
  client.$on("query", (e) => statements.push({ query: e.query, params: e.params }));
  (globalThis as typeof globalThis & { conferPrisma?: unknown }).conferPrisma = client;
  const { list } = await calls();
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  for (const call of list) {
    statements.length = 0;
    await call.run();
    console.log(`\n══ ${call.name}: ${statements.length} statements`);
    for (const s of statements) {
      const params = (JSON.parse(s.params) as unknown[]).map((p) => (typeof p === "string" && /^\d{4}-\d\d-\d\dT/.test(p) ? p.replace("Z", "").replace(/\+00:00$/, "") : p));
      const { rows } = await db.query(`EXPLAIN (ANALYZE, BUFFERS) ${s.query}`, params);
      console.log(`\n${s.query.replace(/\s+/g, " ").trim()}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
    }
  }
  await db.end();
  await client.$disconnect();
}

// Last: the phases use the constants above.
if (phase === "generate") await generate();
else if (phase === "measure") await measure();
else await explain();
