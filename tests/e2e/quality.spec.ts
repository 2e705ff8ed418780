import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import pg from "pg";
import { requireStackEnv } from "../support/stack-env";
import { coturnMissingReason } from "./harness/coturn";
import { type LossyUdpProxy, startLossyUdpProxy } from "./support/lossy-udp-proxy";
import { type Person, type Room, cameraTile, createRoom, deleteRoom, expectFramesAdvancing, joinMeeting, participantIdOf } from "./support/meeting";
import { signInEveryone } from "./support/sign-in";

/**
 * Issue 5 end to end: a real call in which one participant's media crosses a lossy path, then the post-call report.
 *
 * The lossy path: Bob reaches the stack's real coturn only through `support/lossy-udp-proxy.ts`, a UDP forwarder
 * that drops a seeded share of the datagrams coturn sends to him (his downlink). Bob is made relay-only with the
 * app's own switch: the join response carries `iceTransportPolicy` (server setting ICE_TRANSPORT_POLICY, `relay`
 * in deployments that keep all media on their TURN servers), and the meeting hands it to the peer connections.
 * A Playwright route on Bob's context edits his real join responses only: the TURN URL's host:port becomes the
 * proxy's (his credentials stay the real ones, so coturn still authenticates him) and the policy becomes `relay`,
 * as if his deployment required TURN. Alice and Carol keep the stack's defaults and reach him via his relayed
 * address; between themselves they connect directly, without loss.
 *
 * Why Bob's downlink and three people: the detector (lib/domain/quality/detect-issues.ts) blames a receiver's own
 * downlink (OWN_DOWNLINK) when it degrades on all of its ≥ 2 inbound peers while nobody else receives those
 * senders badly. With loss only on what Bob receives that is exactly the pattern, and it does not depend on the
 * sender's encoder state the way SENDER_UPLINK does. Two people would only ever give NETWORK_PATH.
 *
 * Loss starts once the call is up, so joining is not what the test measures. The suggestion toast needs 10 s of
 * poor quality and the detector two consecutive 5-s samples, so ~25 s of loss is enough; Alice then ends the
 * meeting, which triggers the analysis, and opens the report as its host (she is also an admin); Carol, who took
 * part but did not host, gets the 404 page for the same URL.
 *
 * Alice and Carol, whose own paths are clean, must not be told their connection is poor, and no packet loss may be
 * blamed on anyone but Bob's downlink: a link is rated on both directions, so the suggestion judges a person by
 * the level all their links share, and a sample's loss is what its reporter received (lib/domain/quality-sample.ts).
 */

/** Share of coturn → Bob datagrams dropped. RTX and FEC repair part of it; see docs/testing.md for what arrives. */
const DOWNLINK_DROP_RATE = 0.2;
const LOSS_SECONDS = 25;
const SEED = 20_261_124;

const SUGGESTION = "Your connection is poor. Turning off your video frees bandwidth for your voice.";

test.describe.configure({ mode: "serial" });
test.skip(coturnMissingReason !== null, coturnMissingReason ?? "");

type JoinGrantBody = { iceServers: RTCIceServer[]; iceTransportPolicy?: string };

/** The stack's TURN over UDP, as its join responses name it (`turn:127.0.0.1:<port>?transport=udp`). */
function turnUpstream(grant: JoinGrantBody): { host: string; port: number } {
  const url = grant.iceServers.flatMap((server) => (Array.isArray(server.urls) ? server.urls : [server.urls])).find((u) => /^turn:[^?]+\?transport=udp$/.test(u));
  const match = url?.match(/^turn:([^:?]+):(\d+)/);
  if (!match) throw new Error(`the stack's join response names no UDP TURN server: ${JSON.stringify(grant.iceServers)}`);
  return { host: match[1]!, port: Number(match[2]) };
}

/** Only the TURN-over-UDP entries, pointed at the proxy; username and credential are the server's own. */
function throughProxy(servers: RTCIceServer[], proxy: LossyUdpProxy): RTCIceServer[] {
  return servers.flatMap((server) => {
    const urls = (Array.isArray(server.urls) ? server.urls : [server.urls])
      .filter((url) => /^turn:[^?]+\?transport=udp$/.test(url))
      .map((url) => url.replace(/^turn:[^?]+/, `turn:${proxy.host}:${proxy.port}`));
    return urls.length > 0 ? [{ ...server, urls }] : [];
  });
}

/** Bob's browser: every join response he gets is the real one with his TURN path and policy edited (see above). */
async function routeThroughLossyPath(context: BrowserContext, proxy: LossyUdpProxy, realPolicies: string[]): Promise<void> {
  await context.route(/\/api\/rooms\/[^/]+\/join$/, async (route) => {
    const response = await route.fetch();
    if (!response.ok()) return route.fulfill({ response });
    const grant = (await response.json()) as JoinGrantBody;
    realPolicies.push(String(grant.iceTransportPolicy));
    await route.fulfill({ response, json: { ...grant, iceServers: throughProxy(grant.iceServers, proxy), iceTransportPolicy: "relay" } });
  });
}

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[]): Promise<T[]> {
  const client = new pg.Client({ connectionString: requireStackEnv("DATABASE_URL") });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The toast itself (the announcer's live region repeats its text with a hint appended). */
const suggestionToast = (page: Page) => page.getByText(SUGGESTION, { exact: true });

test("a participant on a lossy downlink gets the suggestion, and the host's report names him and the cause", async ({ browser }) => {
  test.setTimeout(180_000);
  const started = Date.now();
  // Everyone signs in before the call starts; Alice owns the room, so she hosts.
  const people: Person[] = await signInEveryone(browser, ["alice", "carol", "bob"]);
  const [alice, carol, bob] = people as [Person, Person, Person];
  let room: Room | null = null;
  let proxy: LossyUdpProxy | null = null;
  try {
    room = await createRoom(alice.page.request, `Quality ${Date.now().toString(36)}`);
    await joinMeeting(alice, room, "low");

    // The proxy forwards to the stack's real coturn, read from a real join response.
    const grant = (await (await alice.page.request.post(`/api/rooms/${room.id}/join`)).json()) as JoinGrantBody;
    proxy = await startLossyUdpProxy({ upstream: turnUpstream(grant), seed: SEED });

    const realPolicies: string[] = [];
    await routeThroughLossyPath(bob.context, proxy, realPolicies);
    await Promise.all([joinMeeting(carol, room, "low"), joinMeeting(bob, room, "low")]);
    // The stack runs with the default policy: "relay" in Bob's browser is the route's doing, and his alone.
    expect(realPolicies.length).toBeGreaterThan(0);
    expect(new Set(realPolicies)).toEqual(new Set(["all"]));

    // The call is up and Bob's media flows through the proxy.
    await Promise.all([
      expectFramesAdvancing(cameraTile(bob.page, "Alice Admin")),
      expectFramesAdvancing(cameraTile(bob.page, "Carol Chen")),
      expectFramesAdvancing(cameraTile(alice.page, "Bob Builder")),
    ]);
    const bobId = await participantIdOf(alice.page, "Bob Builder");
    const aliceId = await participantIdOf(bob.page, "Alice Admin");
    const carolId = await participantIdOf(bob.page, "Carol Chen");
    const clean = proxy.policy.stats();
    expect(clean.toClient.forwarded).toBeGreaterThan(100);
    expect(clean.toUpstream.forwarded).toBeGreaterThan(100);

    // Bob's downlink turns lossy.
    proxy.policy.resetCounts();
    proxy.policy.setRates({ toClient: DOWNLINK_DROP_RATE });
    const lossFrom = Date.now();

    // He is told, and one click applies the suggestion: his camera goes off, for him and for the others.
    await expect(suggestionToast(bob.page)).toBeVisible({ timeout: 30_000 });
    const toastAfterMs = Date.now() - lossFrom;
    await bob.page.getByRole("button", { name: "Turn off your video" }).click();
    await expect(bob.page.getByRole("toolbar", { name: "Meeting controls" }).getByRole("button", { name: "Camera" })).toHaveAttribute("aria-pressed", "false");
    await expect(cameraTile(alice.page, "Bob Builder")).toHaveAttribute("data-video", "false");
    await expect(suggestionToast(bob.page)).toBeHidden();

    // The loss goes on; meanwhile, Alice and Carol (whose own paths are clean) must not be told the same.
    const othersSawSuggestion = { alice: false, carol: false };
    // Tiles: Bob shows as poor to the others; Alice's own tile, and Alice as Carol sees her, never do.
    const poorOn = (page: Page, name: string) => cameraTile(page, name).locator('[data-quality="poor"], [data-quality="lost"]').count();
    const tilesShownPoor = { bobToAlice: false, aliceOwn: false, aliceToCarol: false };
    while (Date.now() - lossFrom < LOSS_SECONDS * 1000) {
      othersSawSuggestion.alice ||= await suggestionToast(alice.page).isVisible();
      othersSawSuggestion.carol ||= await suggestionToast(carol.page).isVisible();
      tilesShownPoor.bobToAlice ||= (await poorOn(alice.page, "Bob Builder")) > 0;
      tilesShownPoor.aliceOwn ||= (await poorOn(alice.page, "Alice Admin (you)")) > 0;
      tilesShownPoor.aliceToCarol ||= (await poorOn(carol.page, "Alice Admin")) > 0;
      await bob.page.waitForTimeout(1000);
    }
    const lossy = proxy.policy.stats();
    proxy.policy.setRates({ toClient: 0 });

    // Alice ends the meeting for everyone; that runs the post-call analysis.
    await alice.page.getByRole("button", { name: "Host controls" }).click();
    await alice.page.getByRole("menuitem", { name: "End meeting for all" }).click();
    await alice.page.getByRole("button", { name: "End for all" }).click();
    await expect(bob.page.getByRole("heading", { name: "The meeting ended" })).toBeVisible();
    await expect(carol.page.getByRole("heading", { name: "The meeting ended" })).toBeVisible();
    const endedAt = Date.now();

    const meetings = await query<{ id: string }>('SELECT id FROM "Meeting" WHERE "roomId" = $1', [room.id]);
    expect(meetings).toHaveLength(1);
    const meetingId = meetings[0]!.id;

    type IssueRow = { kind: string; suspectedCause: string; causeParticipationId: string | null; affectedIds: string[] };
    const packetLossIssues = () =>
      query<IssueRow>(
        `SELECT kind, "suspectedCause", "causeParticipationId", "affectedIds" FROM "QualityIssue" WHERE "meetingId" = $1 AND kind = 'PACKET_LOSS' ORDER BY "startedAt"`,
        [meetingId],
      );
    await expect.poll(async () => (await packetLossIssues()).length, { timeout: 20_000 }).toBeGreaterThan(0);
    const analysedAfterMs = Date.now() - endedAt;

    // What the browsers measured, for the log and for tuning DOWNLINK_DROP_RATE.
    const measured = await query<{ reporter: string; peer: string; samples: number; lossy: number; meanLoss: number; relay: number }>(
      `SELECT "participationId" AS reporter, "peerParticipationId" AS peer, count(*)::int AS samples,
              count(*) FILTER (WHERE "lossPct" >= 5)::int AS lossy, round(avg("lossPct")::numeric, 1)::float AS "meanLoss",
              count(*) FILTER (WHERE "candidateType" = 'relay')::int AS relay
         FROM "QualitySample" WHERE "meetingId" = $1 AND "peerParticipationId" IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
      [meetingId],
    );
    const names: Record<string, string> = { [aliceId]: "alice", [bobId]: "bob", [carolId]: "carol" };
    const issues = await query<IssueRow & { severity: string }>(
      `SELECT kind, severity, "suspectedCause", "causeParticipationId", "affectedIds" FROM "QualityIssue" WHERE "meetingId" = $1 ORDER BY "startedAt", kind`,
      [meetingId],
    );
    console.log(
      [
        `quality.spec: drop rate ${DOWNLINK_DROP_RATE} (seed ${SEED}); coturn → Bob ${lossy.toClient.dropped}/${lossy.toClient.dropped + lossy.toClient.forwarded} datagrams dropped ` +
          `(${((100 * lossy.toClient.dropped) / (lossy.toClient.dropped + lossy.toClient.forwarded)).toFixed(1)} %) over ${LOSS_SECONDS} s`,
        `quality.spec: toast ${toastAfterMs} ms after loss began; analysis ${analysedAfterMs} ms after the end; others saw the suggestion: ${JSON.stringify(othersSawSuggestion)}`,
        ...measured.map((m) => `quality.spec: ${names[m.reporter]} ← ${names[m.peer]}: ${m.samples} samples, ${m.lossy} with loss ≥ 5 %, mean loss ${m.meanLoss} %, relay ${m.relay}`),
        ...issues.map((i) => `quality.spec: issue ${i.kind} ${i.severity} ${i.suspectedCause} cause=${names[i.causeParticipationId ?? ""] ?? "—"} affected=${i.affectedIds.map((id) => names[id]).join(",")}`),
      ].join("\n"),
    );

    // Bob's media really went through TURN (his samples), the others' link did not.
    const link = (reporter: string, peer: string) => {
      const found = measured.find((m) => m.reporter === reporter && m.peer === peer);
      expect(found?.samples, `samples of ${names[reporter]} ← ${names[peer]}`).toBeGreaterThan(0);
      return found!;
    };
    for (const peer of [aliceId, carolId]) expect(link(bobId, peer).relay).toBe(link(bobId, peer).samples);
    expect(link(aliceId, carolId).relay).toBe(0);

    // The detector blames Bob's own downlink, with Bob alone affected, and nothing else as packet loss.
    expect(await packetLossIssues()).toContainEqual({ kind: "PACKET_LOSS", suspectedCause: "OWN_DOWNLINK", causeParticipationId: bobId, affectedIds: [bobId] });
    for (const issue of await packetLossIssues()) expect(issue).toMatchObject({ suspectedCause: "OWN_DOWNLINK", affectedIds: [bobId] });
    expect(othersSawSuggestion).toEqual({ alice: false, carol: false });
    expect(tilesShownPoor).toEqual({ bobToAlice: true, aliceOwn: false, aliceToCarol: false });

    // The host (and admin) sees it in the report.
    const reportUrl = `/admin/meetings/${meetingId}`;
    const page = alice.page;
    await page.goto(reportUrl);
    await expect(page.getByRole("heading", { name: "Quality issues" })).toBeVisible();
    const row = page
      .getByRole("row")
      .filter({ has: page.getByRole("rowheader", { name: /packet.?loss/i }) })
      .filter({ hasText: /own.?downlink/i });
    await expect(row).toHaveCount(1);
    const cells = row.getByRole("cell");
    await expect(cells.nth(3)).toHaveText("Bob Builder"); // affected
    await expect(cells.nth(4)).toHaveText(/own.?downlink.*\(Bob Builder\)/i); // suspected cause, and whose

    // Carol took part but did not host: the report does not exist for her.
    const refused = await carol.page.goto(reportUrl);
    expect(refused?.status()).toBe(404);
    await expect(carol.page.getByRole("heading", { name: "Quality issues" })).toHaveCount(0);

    console.log(`quality.spec: the test took ${((Date.now() - started) / 1000).toFixed(0)} s`);
  } finally {
    if (room) {
      // The meeting record outlives the room (analytics keep it): delete it as well.
      await query('DELETE FROM "Meeting" WHERE "roomId" = $1', [room.id]);
      await deleteRoom(people[0]!.page.request, room);
    }
    await Promise.all(people.map((person) => person.context.close()));
    await proxy?.close();
  }
});
