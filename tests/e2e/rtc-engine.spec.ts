import { expect, test, type Page } from "@playwright/test";
import { coturnMissingReason, startCoturn } from "./harness/coturn";
import type { HarnessSnapshot } from "./harness/rtc-harness";
import { bundleHarness, RtcRoom } from "./harness/rtc-room";

/**
 * The WebRTC engine (lib/rtc) in real Chromium, without the app: each participant is its own browser context
 * running tests/e2e/harness/rtc-harness.ts, and Node relays their signals. Two cores: at most three
 * participants, small video where there are three.
 */

test.describe.configure({ mode: "default" });

const camera = { width: 640, height: 360, frameRate: 15 };
const smallCamera = { width: 320, height: 180, frameRate: 10 };

let harnessBundle = "";
test.beforeAll(async () => {
  harnessBundle = await bundleHarness();
});

let room: RtcRoom;
test.beforeEach(({ browser }) => {
  room = new RtcRoom(browser, harnessBundle);
});
test.afterEach(async () => {
  await room.close();
  expect(room.relayFailures).toEqual([]);
});

const snapshot = (page: Page): Promise<HarnessSnapshot> => page.evaluate(() => window.harness.snapshot());
const peer = async (page: Page, peerId: string) => (await snapshot(page)).peers[peerId];
const inboundAudioPackets = (page: Page) => page.evaluate(() => window.harness.inboundAudioPackets());

async function expectConnected(page: Page, peerIds: string[]) {
  for (const peerId of peerIds) {
    await expect.poll(async () => (await peer(page, peerId))?.state, { timeout: 15_000 }).toBe("connected");
  }
}

/** Camera frames from `peerId` keep being painted on `page`. */
async function expectCameraFramesAdvancing(page: Page, peerId: string) {
  await expect.poll(async () => (await peer(page, peerId))?.cameraFrames ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  const before = (await peer(page, peerId))!.cameraFrames;
  await expect.poll(async () => (await peer(page, peerId))!.cameraFrames, { timeout: 10_000 }).toBeGreaterThan(before + 5);
}

async function expectAudioFlowing(page: Page) {
  const before = await inboundAudioPackets(page);
  await expect.poll(() => inboundAudioPackets(page), { timeout: 10_000 }).toBeGreaterThan(before + 20);
}

async function expectNoEngineErrors(...pages: Page[]) {
  for (const page of pages) expect((await snapshot(page)).errors).toEqual([]);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** alice and bob are connected to each other, and video and audio flow both ways. */
async function expectTwoWayMedia(alicePage: Page, bobPage: Page) {
  await expectConnected(alicePage, ["bob"]);
  await expectConnected(bobPage, ["alice"]);
  await expectCameraFramesAdvancing(alicePage, "bob");
  await expectCameraFramesAdvancing(bobPage, "alice");
  await expectAudioFlowing(alicePage);
  await expectAudioFlowing(bobPage);
}

test("two peers receive each other's video and audio, with VP8, Opus DTX/FEC and the bitrate policy applied", async () => {
  const alice = await room.join({ selfId: "alice", audio: true, video: camera });
  const bob = await room.join({ selfId: "bob", audio: true, video: camera });
  await bob.page.evaluate(() => window.harness.connect("alice"));

  await expectTwoWayMedia(alice.page, bob.page);

  const firstFrameMs = (await peer(bob.page, "alice"))!.connectToFirstFrameMs;
  console.log(`rtc-engine: bob connect() → first frame of alice: ${firstFrameMs?.toFixed(0)} ms`);
  console.log(`rtc-engine: largest SDP relayed: ${room.largestSdp} characters`);

  for (const page of [alice.page, bob.page]) {
    const { transceivers } = await snapshot(page);
    expect(transceivers).toEqual([3]);
    // One remote peer: camera 1800 − 52 kbps clamps to 1500; the screen gets the whole video budget, 1748.
    expect(await page.evaluate(() => window.harness.senderMaxBitrates())).toEqual([[32_000, 1_500_000, 1_748_000]]);
    const [remoteSdp] = await page.evaluate(() => window.harness.remoteDescriptions());
    // Chrome re-serializes the parameters of the description we munged in alphabetical order.
    const opusFmtp = /^a=fmtp:111 (.*)$/m.exec(remoteSdp ?? "")?.[1]?.split(";") ?? [];
    expect(opusFmtp).toEqual(expect.arrayContaining(["useinbandfec=1", "usedtx=1"]));
    // The bandwidth estimate starts at the connection's budget, (1500 + 52) / 0.9 kbps (lib/rtc/start-bitrate.ts).
    expect(remoteSdp).toMatch(/^a=fmtp:\d+ .*x-google-start-bitrate=1724/m);
  }

  // The 2 s stats feed: VP8 negotiated, host candidates on loopback, nothing lost, rated excellent.
  await expect.poll(async () => (await peer(bob.page, "alice"))?.lastStats?.summary.inbound.video.length ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
  const { summary, rating } = (await peer(bob.page, "alice"))!.lastStats!;
  expect(summary.inbound.video[0]?.codec).toBe("VP8");
  expect(summary.outbound.video[0]?.codec).toBe("VP8");
  expect(summary.inbound.audioCodec).toBe("opus");
  expect(summary.transport).toMatchObject({ iceState: "connected", localCandidateType: "host", remoteCandidateType: "host" });
  expect(rating.quality).not.toBe("lost");
  await expect.poll(async () => (await snapshot(bob.page)).audioLevelMax, { timeout: 10_000 }).toBeGreaterThan(0);
  await expectNoEngineErrors(alice.page, bob.page);
});

test("connect() → first remote frame over five joins", async () => {
  const samples: number[] = [];
  const alice = await room.join({ selfId: "alice", audio: true, video: camera });
  const bob = await room.join({ selfId: "bob", audio: true, video: camera });
  for (let attempt = 1; attempt <= 5; attempt += 1) {
    // Fresh participant ids each time, as when someone leaves and joins again.
    const [hostId, joinerId] = [`alice-${attempt}`, `bob-${attempt}`];
    // Leave the relay first, so nothing of the previous call is delivered to a stopped harness.
    room.rename(alice, hostId);
    room.rename(bob, joinerId);
    await alice.page.evaluate(() => window.harness.stop());
    await bob.page.evaluate(() => window.harness.stop());
    await alice.page.evaluate((options) => window.harness.start(options), { selfId: hostId, iceServers: [], audio: true, video: camera });
    await bob.page.evaluate((options) => window.harness.start(options), { selfId: joinerId, iceServers: [], audio: true, video: camera });
    await bob.page.evaluate((peerId) => window.harness.connect(peerId), hostId);
    await expect.poll(async () => (await peer(bob.page, hostId))?.connectToFirstFrameMs ?? null, { timeout: 10_000 }).not.toBeNull();
    samples.push((await peer(bob.page, hostId))!.connectToFirstFrameMs!);
  }
  const p50 = median(samples);
  console.log(`rtc-engine: connect() → first remote frame, 5 joins: ${samples.map((ms) => ms.toFixed(0)).join(", ")} ms; p50 ${p50.toFixed(0)} ms`);
  // The product goal is 300 ms on loopback; this bound only catches a broken fast path on a busy machine.
  expect(p50).toBeLessThan(1000);
});

test("both peers calling connect() at once (glare) still connect, on one connection with three transceivers each", async () => {
  const alice = await room.join({ selfId: "alice", audio: true, video: camera });
  const bob = await room.join({ selfId: "bob", audio: true, video: camera });
  room.hold();
  await Promise.all([
    alice.page.evaluate(() => window.harness.connect("bob")),
    bob.page.evaluate(() => window.harness.connect("alice")),
  ]);
  await expect.poll(() => room.descriptionsRelayed.offer).toBe(2);
  room.release();

  await expectTwoWayMedia(alice.page, bob.page);
  // "alice" < "bob": alice is polite and answers bob's offer on a fresh connection; bob ignored hers.
  expect(await snapshot(alice.page)).toMatchObject({ connectionsCreated: 2, transceivers: [3] });
  expect(await snapshot(bob.page)).toMatchObject({ connectionsCreated: 1, transceivers: [3] });
  expect(room.descriptionsRelayed).toEqual({ offer: 2, answer: 1 });
  await expectNoEngineErrors(alice.page, bob.page);
});

test("renegotiations that cross are resolved by rollback on the polite side", async () => {
  const alice = await room.join({ selfId: "alice", audio: false, video: smallCamera });
  const bob = await room.join({ selfId: "bob", audio: false, video: smallCamera });
  await bob.page.evaluate(() => window.harness.connect("alice"));
  await expectCameraFramesAdvancing(alice.page, "bob");
  await expectCameraFramesAdvancing(bob.page, "alice");

  // Both become observers at the same moment, then both publish again at the same moment. Bob made the
  // transceivers, so he is polite now and rolls back; were alice to (her transceivers came from bob's offer),
  // Chromium would leave her receiver tracks muted and bob's video frozen on her screen.
  for (const receiveOnly of [true, false]) {
    const offersBefore = room.descriptionsRelayed.offer;
    room.hold();
    await Promise.all([alice.page, bob.page].map((page) => page.evaluate((value) => window.harness.setReceiveOnly(value), receiveOnly)));
    await expect.poll(() => room.descriptionsRelayed.offer).toBe(offersBefore + 2);
    room.release();
    for (const page of [alice.page, bob.page]) {
      await expect.poll(async () => (await snapshot(page)).signalingStates).toEqual(["stable"]);
    }
  }
  await expectCameraFramesAdvancing(alice.page, "bob");
  await expectCameraFramesAdvancing(bob.page, "alice");
  for (const page of [alice.page, bob.page]) expect(await snapshot(page)).toMatchObject({ connectionsCreated: 1, transceivers: [3] });
  await expectNoEngineErrors(alice.page, bob.page);
});

test("switching camera, turning it off and on, and sharing a screen never renegotiate", async () => {
  const alice = await room.join({ selfId: "alice", audio: true, video: camera });
  const bob = await room.join({ selfId: "bob", audio: false, video: smallCamera });
  await bob.page.evaluate(() => window.harness.connect("alice"));
  await expectConnected(alice.page, ["bob"]);
  await expectCameraFramesAdvancing(bob.page, "alice");
  await expect.poll(async () => (await peer(bob.page, "alice"))?.cameraSize).toBe("640x360");
  const negotiations = async () => [(await snapshot(alice.page)).negotiationNeeded, (await snapshot(bob.page)).negotiationNeeded];
  const before = await negotiations();

  await alice.page.evaluate((video) => window.harness.replaceCamera(video), smallCamera);
  await expect.poll(async () => (await peer(bob.page, "alice"))?.cameraSize, { timeout: 10_000 }).toBe("320x180");
  await expectCameraFramesAdvancing(bob.page, "alice");

  await alice.page.evaluate(() => window.harness.replaceCamera(null));
  await alice.page.evaluate((video) => window.harness.replaceCamera(video), camera);
  await expect.poll(async () => (await peer(bob.page, "alice"))?.cameraSize, { timeout: 10_000 }).toBe("640x360");
  await expectCameraFramesAdvancing(bob.page, "alice");

  // The screen arrives on its own slot, told apart from the camera by m-section order.
  await alice.page.evaluate(() => window.harness.shareScreen({ width: 400, height: 300 }));
  await expect.poll(async () => (await peer(bob.page, "alice"))?.screenSize, { timeout: 10_000 }).toBe("400x300");
  expect((await peer(bob.page, "alice"))?.cameraSize).toBe("640x360");
  // Camera and screen together: the screen takes 75 % of the 1748 kbps video budget.
  expect(await alice.page.evaluate(() => window.harness.senderMaxBitrates())).toEqual([[32_000, 437_000, 1_311_000]]);

  await alice.page.waitForTimeout(500);
  expect(await negotiations()).toEqual(before);
  await expectNoEngineErrors(alice.page, bob.page);
});

test("audio only: with cameras not received, the peer stops sending its camera while audio flows; turned back, video resumes", async () => {
  const alice = await room.join({ selfId: "alice", audio: true, video: smallCamera });
  const bob = await room.join({ selfId: "bob", audio: true, video: smallCamera });
  await bob.page.evaluate(() => window.harness.connect("alice"));
  await expectTwoWayMedia(alice.page, bob.page);
  const videoBytesPerSecond = async (page: Page) => {
    const before = await page.evaluate(() => window.harness.inboundVideoBytes());
    await page.waitForTimeout(1000);
    return (await page.evaluate(() => window.harness.inboundVideoBytes())) - before;
  };
  expect(await videoBytesPerSecond(bob.page)).toBeGreaterThan(5_000);

  await bob.page.evaluate(() => window.harness.setReceiveCameras(false));
  // Alice no longer sends her camera to Bob (renegotiated to send-only on his side), not just hidden by him.
  await expect.poll(() => videoBytesPerSecond(bob.page), { timeout: 10_000 }).toBe(0);
  await expectAudioFlowing(bob.page);
  await expectCameraFramesAdvancing(alice.page, "bob");

  await bob.page.evaluate(() => window.harness.setReceiveCameras(true));
  await expectCameraFramesAdvancing(bob.page, "alice");
  for (const page of [alice.page, bob.page]) expect(await snapshot(page)).toMatchObject({ connectionsCreated: 1, transceivers: [3] });
  await expectNoEngineErrors(alice.page, bob.page);
});

test("three peers form a full mesh", async () => {
  const ids = ["alice", "bob", "carol"];
  const pages = new Map<string, Page>();
  for (const selfId of ids) pages.set(selfId, (await room.join({ selfId, audio: false, video: smallCamera })).page);
  // Each newcomer connects to everyone already there.
  await pages.get("bob")!.evaluate(() => window.harness.connect("alice"));
  await pages.get("carol")!.evaluate(() => {
    window.harness.connect("alice");
    window.harness.connect("bob");
  });

  for (const selfId of ids) {
    const others = ids.filter((id) => id !== selfId);
    const page = pages.get(selfId)!;
    await expectConnected(page, others);
    for (const other of others) await expectCameraFramesAdvancing(page, other);
    // Two remote peers: 900 − 52 kbps of video for the camera on each connection.
    expect(await page.evaluate(() => window.harness.senderMaxBitrates())).toEqual([
      [32_000, 848_000, 848_000],
      [32_000, 848_000, 848_000],
    ]);
  }
  await expectNoEngineErrors(...pages.values());
});

/** Two peers that may only use relayed candidates through `coturn`; bob offers to alice. */
async function joinRelayOnlyPair(coturn: Awaited<ReturnType<typeof startCoturn>>, { audio }: { audio: boolean }) {
  const relayOnly = (selfId: string) => ({ selfId, iceServers: [coturn.iceServer(selfId)], iceTransportPolicy: "relay" as const, audio, video: smallCamera });
  const alice = await room.join(relayOnly("alice"));
  const bob = await room.join(relayOnly("bob"));
  await bob.page.evaluate(() => window.harness.connect("alice"));
  return { alice, bob };
}

test.describe("through TURN", () => {
  test.skip(coturnMissingReason !== null, coturnMissingReason ?? "");
  if (coturnMissingReason) console.log(`rtc-engine.spec: TURN tests skipped (${coturnMissingReason})`);

  test("relay-only peers connect through coturn, on a relay↔relay pair", async () => {
    const coturn = await startCoturn();
    try {
      const { alice, bob } = await joinRelayOnlyPair(coturn, { audio: true });

      await expectConnected(alice.page, ["bob"]);
      await expectConnected(bob.page, ["alice"]);
      await expectCameraFramesAdvancing(bob.page, "alice");
      await expectAudioFlowing(alice.page);
      for (const page of [alice.page, bob.page]) {
        expect(await page.evaluate(() => window.harness.selectedCandidatePairs())).toEqual([{ local: "relay", remote: "relay" }]);
      }
      await expect
        .poll(async () => (await peer(bob.page, "alice"))?.lastStats?.summary.transport, { timeout: 10_000 })
        .toMatchObject({ localCandidateType: "relay", remoteCandidateType: "relay", relayProtocol: "udp" });
      console.log(`rtc-engine: relay connect() → first frame: ${(await peer(bob.page, "alice"))!.connectToFirstFrameMs?.toFixed(0)} ms`);
      await expectNoEngineErrors(alice.page, bob.page);
    } finally {
      await room.close();
      await coturn.dispose();
    }
  });

  test("when the TURN server restarts mid-call, ICE restarts and media resumes", async () => {
    const coturn = await startCoturn();
    try {
      const { alice, bob } = await joinRelayOnlyPair(coturn, { audio: false });
      await expectConnected(bob.page, ["alice"]);
      await expectCameraFramesAdvancing(bob.page, "alice");
      const negotiationsBefore = (await snapshot(bob.page)).negotiationNeeded + (await snapshot(alice.page)).negotiationNeeded;

      // Every allocation dies with the process; the path is gone until both sides gather anew.
      await coturn.stop();
      await expect.poll(async () => (await peer(bob.page, "alice"))?.state, { timeout: 15_000 }).not.toBe("connected");
      await coturn.start();

      await expectConnected(alice.page, ["bob"]);
      await expectConnected(bob.page, ["alice"]);
      await expectCameraFramesAdvancing(bob.page, "alice");
      await expectCameraFramesAdvancing(alice.page, "bob");
      const negotiationsAfter = (await snapshot(bob.page)).negotiationNeeded + (await snapshot(alice.page)).negotiationNeeded;
      expect(negotiationsAfter).toBeGreaterThan(negotiationsBefore);
      await expectNoEngineErrors(alice.page, bob.page);
    } finally {
      await room.close();
      await coturn.dispose();
    }
  });
});
