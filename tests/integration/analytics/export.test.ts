import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/prisma";
import { requireStackEnv } from "../../support/stack-env";
import { createTestUser, deleteTestUsers, type TestUser } from "../../support/test-users";

let admin: TestUser;
let employee: TestUser;
let host: TestUser;
const meetingId = `ex-${randomUUID()}`;
const title = `Export check ${randomUUID().slice(0, 8)}`;
const slug = title.toLowerCase().replace(/ /g, "-");
const t0 = Date.UTC(2003, 4, 6, 9, 0, 0);
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const iso = (seconds: number) => at(seconds).toISOString();

const hostPid = `${meetingId}-host`;
const guestPid = `${meetingId}-guest`;
const evilPid = `${meetingId}-evil`;
// A name with every character CSV must escape, and one a spreadsheet would run as a formula.
const trickyName = 'Doe, "Jane"\nJr.';
const formulaName = '=HYPERLINK("http://evil.example","click")';
const issueLoss = `${meetingId}-i1`;
const issueLatency = `${meetingId}-i2`;
let sampleIds: string[] = [];

beforeAll(async () => {
  [admin, employee, host] = await Promise.all([
    createTestUser("admin", "ex-admin"),
    createTestUser("employee", "ex-employee"),
    createTestUser("employee", "ex-host"),
  ]);
  await prisma.meeting.create({
    data: {
      id: meetingId,
      title,
      startedAt: at(0),
      endedAt: at(600),
      endReason: "ENDED_BY_HOST",
      participations: {
        create: [
          { id: hostPid, userId: host.id, displayName: "Hana Host", role: "HOST", joinedAt: at(0), leftAt: at(600), leaveReason: "ended" },
          // The employee took part without hosting: that gives no access to the exports.
          { id: guestPid, userId: employee.id, displayName: trickyName, role: "PARTICIPANT", joinedAt: at(30) },
          { id: evilPid, displayName: formulaName, role: "PARTICIPANT", joinedAt: at(60), leftAt: at(300), leaveReason: "left" },
        ],
      },
      qualityIssues: {
        create: [
          {
            id: issueLoss,
            kind: "PACKET_LOSS",
            severity: "CRITICAL",
            startedAt: at(120),
            endedAt: at(180),
            affectedIds: [guestPid, evilPid],
            suspectedCause: "SENDER_UPLINK",
            causeParticipationId: hostPid,
            evidence: { lossPct: 12.5, receivers: 2 },
          },
          {
            id: issueLatency,
            kind: "HIGH_LATENCY",
            severity: "WARNING",
            startedAt: at(60),
            endedAt: at(75),
            affectedIds: [evilPid],
            suspectedCause: "OWN_DOWNLINK",
            causeParticipationId: evilPid,
            evidence: { rttMs: 350 },
          },
        ],
      },
    },
  });
  // Inserted out of time order: the export orders by time, not by insertion.
  const sample = { meetingId, lossPct: null, jitterMs: null, rttMs: null, bitrateInKbps: null, bitrateOutKbps: null, frameWidth: null, frameHeight: null, fps: null, qualityLimitation: null, codec: null, candidateType: null };
  await prisma.qualitySample.create({ data: { ...sample, participationId: evilPid, peerParticipationId: null, at: at(10), score: 0, qualityLimitation: "cpu", candidateType: "relay" } });
  await prisma.qualitySample.create({
    data: {
      ...sample,
      participationId: guestPid,
      peerParticipationId: hostPid,
      at: at(5),
      score: 2,
      lossPct: 1.5,
      jitterMs: 10,
      rttMs: 80,
      bitrateInKbps: 900,
      bitrateOutKbps: 1200,
      frameWidth: 640,
      frameHeight: 360,
      fps: 30,
      qualityLimitation: "none",
      codec: "VP8",
      candidateType: "host",
    },
  });
  await prisma.qualitySample.create({ data: { ...sample, participationId: hostPid, peerParticipationId: guestPid, at: at(5), score: 3, rttMs: 40.25 } });
  const stored = await prisma.qualitySample.findMany({ where: { meetingId }, orderBy: [{ at: "asc" }, { id: "asc" }], select: { id: true } });
  sampleIds = stored.map((s) => s.id.toString());
});

afterAll(async () => {
  await prisma.meeting.deleteMany({ where: { id: meetingId } });
  await deleteTestUsers([admin, employee, host]);
});

async function download(path: string, as?: TestUser) {
  const response = await fetch(new URL(path, requireStackEnv("CONFER_APP_URL")), { headers: as ? { cookie: as.cookie } : {}, redirect: "manual" });
  const bytes = new Uint8Array(await response.arrayBuffer());
  // TextDecoder drops a leading byte-order mark by default; keep it to check it is there.
  return { status: response.status, headers: response.headers, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

const exportPath = (dataset: string, format: string, id = meetingId) => `/api/admin/meetings/${encodeURIComponent(id)}/export/${dataset}?format=${format}`;
const BOM = "\uFEFF";

describe("meeting exports", () => {
  it("sends the issues table as CSV with escaping and formula guards", async () => {
    const res = await download(exportPath("report", "csv"), admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-2003-05-06-issues.csv"`);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect([...res.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(res.text).toBe(
      BOM +
        "issue_id,kind,severity,started_at,ended_at,duration_s,affected,affected_ids,suspected_cause,cause,cause_id,evidence\n" +
        `${issueLatency},HIGH_LATENCY,WARNING,${iso(60)},${iso(75)},15,"'=HYPERLINK(""http://evil.example"",""click"")",${evilPid},OWN_DOWNLINK,"'=HYPERLINK(""http://evil.example"",""click"")",${evilPid},"{""rttMs"":350}"\n` +
        `${issueLoss},PACKET_LOSS,CRITICAL,${iso(120)},${iso(180)},60,"Doe, ""Jane""\nJr.; =HYPERLINK(""http://evil.example"",""click"")",${guestPid}; ${evilPid},SENDER_UPLINK,Hana Host,${hostPid},"{""lossPct"":12.5,""receivers"":2}"\n`,
    );
  });

  it("sends the participants as CSV", async () => {
    const res = await download(exportPath("participants", "csv"), admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-2003-05-06-participants.csv"`);
    expect(res.text).toBe(
      BOM +
        "participant_id,display_name,role,joined_at,left_at,leave_reason\n" +
        `${hostPid},Hana Host,HOST,${iso(0)},${iso(600)},ended\n` +
        `${guestPid},"Doe, ""Jane""\nJr.",PARTICIPANT,${iso(30)},,\n` +
        `${evilPid},"'=HYPERLINK(""http://evil.example"",""click"")",PARTICIPANT,${iso(60)},${iso(300)},left\n`,
    );
  });

  it("sends the whole report as JSON", async () => {
    const res = await download(exportPath("report", "json"), host);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-2003-05-06-report.json"`);
    const participant = (id: string, displayName: string, role: string, joined: number, left: number | null, leaveReason: string | null) => ({
      id,
      displayName,
      role,
      joinedAt: iso(joined),
      leftAt: left === null ? null : iso(left),
      leaveReason,
    });
    expect(JSON.parse(res.text)).toEqual({
      meeting: { id: meetingId, title, startedAt: iso(0), endedAt: iso(600), endReason: "ENDED_BY_HOST", durationSeconds: 600, participantCount: 3 },
      participants: [
        participant(hostPid, "Hana Host", "HOST", 0, 600, "ended"),
        participant(guestPid, trickyName, "PARTICIPANT", 30, null, null),
        participant(evilPid, formulaName, "PARTICIPANT", 60, 300, "left"),
      ],
      issues: [
        {
          id: issueLatency,
          kind: "HIGH_LATENCY",
          severity: "WARNING",
          startedAt: iso(60),
          endedAt: iso(75),
          durationSeconds: 15,
          affected: [{ participantId: evilPid, displayName: formulaName }],
          suspectedCause: "OWN_DOWNLINK",
          cause: { participantId: evilPid, displayName: formulaName },
          evidence: { rttMs: 350 },
        },
        {
          id: issueLoss,
          kind: "PACKET_LOSS",
          severity: "CRITICAL",
          startedAt: iso(120),
          endedAt: iso(180),
          durationSeconds: 60,
          affected: [
            { participantId: guestPid, displayName: trickyName },
            { participantId: evilPid, displayName: formulaName },
          ],
          suspectedCause: "SENDER_UPLINK",
          cause: { participantId: hostPid, displayName: "Hana Host" },
          evidence: { lossPct: 12.5, receivers: 2 },
        },
      ],
    });
  });

  it("sends the raw samples as CSV in time order", async () => {
    const res = await download(exportPath("samples", "csv"), host);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-2003-05-06-samples.csv"`);
    const [guestSample, hostSample, evilSample] = sampleIds;
    expect(Number(guestSample)).toBeLessThan(Number(hostSample));
    expect(res.text).toBe(
      BOM +
        "sample_id,at,reporter_id,reporter_name,peer_id,peer_name,score,loss_pct,jitter_ms,rtt_ms,bitrate_in_kbps,bitrate_out_kbps,frame_width,frame_height,fps,quality_limitation,codec,candidate_type\n" +
        `${guestSample},${iso(5)},${guestPid},"Doe, ""Jane""\nJr.",${hostPid},Hana Host,2,1.5,10,80,900,1200,640,360,30,none,VP8,host\n` +
        `${hostSample},${iso(5)},${hostPid},Hana Host,${guestPid},"Doe, ""Jane""\nJr.",3,,,40.25,,,,,,,,\n` +
        `${evilSample},${iso(10)},${evilPid},"'=HYPERLINK(""http://evil.example"",""click"")",,,0,,,,,,,,,cpu,,relay\n`,
    );
  });

  it("sends the raw samples as a JSON array", async () => {
    const res = await download(exportPath("samples", "json"), admin);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe(`attachment; filename="${slug}-2003-05-06-samples.json"`);
    const empty = { lossPct: null, jitterMs: null, rttMs: null, bitrateInKbps: null, bitrateOutKbps: null, frameWidth: null, frameHeight: null, fps: null, qualityLimitation: null, codec: null, candidateType: null };
    expect(JSON.parse(res.text)).toEqual([
      {
        id: sampleIds[0],
        at: iso(5),
        participationId: guestPid,
        peerParticipationId: hostPid,
        score: 2,
        lossPct: 1.5,
        jitterMs: 10,
        rttMs: 80,
        bitrateInKbps: 900,
        bitrateOutKbps: 1200,
        frameWidth: 640,
        frameHeight: 360,
        fps: 30,
        qualityLimitation: "none",
        codec: "VP8",
        candidateType: "host",
      },
      { ...empty, id: sampleIds[1], at: iso(5), participationId: hostPid, peerParticipationId: guestPid, score: 3, rttMs: 40.25 },
      { ...empty, id: sampleIds[2], at: iso(10), participationId: evilPid, peerParticipationId: null, score: 0, qualityLimitation: "cpu", candidateType: "relay" },
    ]);
  });

  it("answers visitors 401, other employees and unknown meetings 404, bad formats 400", async () => {
    for (const dataset of ["report", "participants", "samples"]) {
      for (const format of ["csv", "json"]) {
        expect((await download(exportPath(dataset, format))).status).toBe(401);
        const denied = await download(exportPath(dataset, format), employee);
        expect(denied.status).toBe(404);
        expect(denied.text).not.toContain("Hana Host");
      }
    }
    expect((await download(exportPath("samples", "csv", `missing-${randomUUID()}`), admin)).status).toBe(404);
    expect((await download(exportPath("samples", "xlsx"), admin)).status).toBe(400);
    expect((await download(`/api/admin/meetings/${meetingId}/export/samples`, admin)).status).toBe(400);
    expect((await download(exportPath("minutes", "csv"), admin)).status).toBe(400);
  });
});
