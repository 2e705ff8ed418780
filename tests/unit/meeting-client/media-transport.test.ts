import { afterEach, describe, expect, it, vi } from "vitest";
import { Store } from "@/lib/meeting-client/store";
import { EMPTY_MEDIA_VIEW, type MediaView } from "@/lib/meeting-client/transport/media-view";
import { type MediaJoin, MeshOrSfuTransport, OLD_PATH_LINGER_MS, SWITCH_DEADLINE_MS } from "@/lib/meeting-client/transport/media-transport";
import { TrackLiveness } from "@/lib/meeting-client/transport/path-switch";
import type { SfuStart } from "@/lib/meeting-client/transport/sfu-path";

/** A remote track that goes live (unmuted) when the test says packets arrived. */
class FakeTrack extends EventTarget {
  muted = true;
  readyState: MediaStreamTrackState = "live";
  private presented: () => void = () => {};
  readonly firstFrame = new Promise<void>((resolve) => (this.presented = resolve));
  constructor(
    readonly id: string,
    readonly kind: "audio" | "video" = id.includes("mic") ? "audio" : "video",
  ) {
    super();
  }
  /** Packets arrive (the browser unmutes the track) and, for a camera, its first frame is presented. */
  arrive() {
    this.muted = false;
    this.dispatchEvent(new Event("unmute"));
    this.presented();
  }
}

/** A track of a path already in use: flowing, its frames shown. */
function live(id: string): MediaStreamTrack {
  const track = new FakeTrack(id);
  track.arrive();
  return track as unknown as MediaStreamTrack;
}

/** Liveness as the transport judges it, with the first presented frame reported by the fake track itself. */
const liveness = () => new TrackLiveness((track) => (track as unknown as FakeTrack).firstFrame);

class FakePath {
  readonly view = new Store<MediaView>(EMPTY_MEDIA_VIEW);
  running = false;
  starts = 0;
  startResult: SfuStart = "started";
  start = vi.fn(async () => {
    this.starts++;
    if (this.startResult === "started") this.running = true;
    return this.startResult;
  });
  stop = vi.fn(() => {
    this.running = false;
    this.view.set(EMPTY_MEDIA_VIEW);
  });
  private failureListener: (reason: string) => void = () => {};
  onFailure = (listener: (reason: string) => void) => void (this.failureListener = listener);
  /** Janus went away: the path stops itself and tells its owner, as SfuPath does. */
  fail() {
    this.running = false;
    this.view.set(EMPTY_MEDIA_VIEW);
    this.failureListener("the media server closed the connection");
  }
  show(tracks: MediaView["tracks"]) {
    this.view.set({ ...EMPTY_MEDIA_VIEW, tracks });
  }
  handleSignal = vi.fn();
  syncPeers = vi.fn();
  removePeer = vi.fn();
  setLocalMedia = vi.fn();
  setReceiveOnly = vi.fn();
  setReceiveCameras = vi.fn();
  setQuality = vi.fn();
  setTileSubstreams = vi.fn();
  setHiddenCameras = vi.fn();
  readStats = vi.fn(() => []);
}

function setUp() {
  const mesh = new FakePath();
  mesh.start = vi.fn(async () => {
    mesh.running = true;
    return "started" as const;
  });
  const sfu = new FakePath();
  const transport = new MeshOrSfuTransport("room", () => undefined, { mesh: mesh as never, sfu: sfu as never, liveness: liveness() });
  const unavailable = vi.fn();
  const join = (mediaPath: MediaJoin["mediaPath"], participantIds = ["me", "bob"]) =>
    transport.join({ selfId: "me", participantIds, iceServers: [], iceTransportPolicy: "all", receiveOnly: false, mediaPath, onSfuUnavailable: unavailable });
  return { mesh, sfu, transport, join, unavailable };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => vi.useRealTimers());

describe("MeshOrSfuTransport: moving between the mesh and the SFU", () => {
  it("keeps the mesh until the SFU's tracks are live, shows each person's live track meanwhile, then stops the mesh", async () => {
    vi.useFakeTimers();
    const { mesh, sfu, transport, join } = setUp();
    join("mesh");
    const meshCamera = live("mesh-cam");
    const meshAudio = live("mesh-mic");
    mesh.show({ bob: { camera: meshCamera, audio: meshAudio } });
    expect(transport.view.get().tracks.bob?.camera).toBe(meshCamera);

    transport.switchTo("sfu", ["me", "bob"]);
    await vi.advanceTimersByTimeAsync(0);
    expect(sfu.starts).toBe(1);
    const sfuCamera = new FakeTrack("sfu-cam");
    const sfuAudio = new FakeTrack("sfu-mic");
    sfu.show({ bob: { camera: sfuCamera as unknown as MediaStreamTrack, audio: sfuAudio as unknown as MediaStreamTrack } });
    // Not live yet: the mesh's picture stays on screen.
    expect(transport.view.get().tracks.bob?.camera).toBe(meshCamera);
    sfuCamera.muted = false;
    sfuCamera.dispatchEvent(new Event("unmute"));
    await vi.advanceTimersByTimeAsync(0);
    // Packets, but no frame presented yet: still the mesh's picture.
    expect(transport.view.get().tracks.bob?.camera).toBe(meshCamera);
    sfuCamera.arrive();
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.view.get().tracks.bob).toEqual({ camera: sfuCamera, audio: meshAudio });
    expect(mesh.stop).not.toHaveBeenCalled();
    expect(transport.route.get()).toEqual({ carrier: "sfu", switching: true });
    sfuAudio.arrive();
    expect(transport.route.get()).toEqual({ carrier: "sfu", switching: false });
    expect(transport.view.get().tracks.bob).toEqual({ camera: sfuCamera, audio: sfuAudio });
    // The mesh keeps sending, unseen, while the others finish their own move; then it stops.
    expect(mesh.stop).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(OLD_PATH_LINGER_MS);
    expect(mesh.stop).toHaveBeenCalledTimes(1);
    expect(transport.view.get().tracks.bob).toEqual({ camera: sfuCamera, audio: sfuAudio });
  });

  it("back to the mesh: the SFU stays until the mesh carries everyone, and at the latest until the deadline", async () => {
    vi.useFakeTimers();
    const { mesh, sfu, transport, join } = setUp();
    join("sfu");
    await vi.advanceTimersByTimeAsync(0);
    expect(mesh.running).toBe(false);
    sfu.show({ bob: { camera: live("sfu-cam") }, cat: { camera: live("sfu-cam-2") } });

    transport.switchTo("mesh", ["me", "bob", "cat"]);
    expect(mesh.syncPeers).toHaveBeenCalledWith(["me", "bob", "cat"]);
    mesh.show({ bob: { camera: live("mesh-cam") } });
    expect(sfu.stop).not.toHaveBeenCalled();
    expect(transport.view.get().tracks.cat?.camera?.id).toBe("sfu-cam-2");
    await vi.advanceTimersByTimeAsync(SWITCH_DEADLINE_MS);
    expect(Object.keys(transport.view.get().tracks)).toEqual(["bob"]);
    expect(transport.route.get()).toEqual({ carrier: "mesh", switching: false });
    await vi.advanceTimersByTimeAsync(OLD_PATH_LINGER_MS);
    expect(sfu.stop).toHaveBeenCalledTimes(1);
  });

  it("stays on the mesh when the SFU is not set up here, and says so only when it is set up but not answering", async () => {
    const quiet = setUp();
    quiet.sfu.startResult = "not-configured";
    quiet.join("mesh");
    quiet.transport.switchTo("sfu", ["me", "bob"]);
    await flush();
    expect(quiet.mesh.stop).not.toHaveBeenCalled();
    expect(quiet.unavailable).not.toHaveBeenCalled();

    const broken = setUp();
    broken.sfu.startResult = "unavailable";
    broken.join("sfu");
    await flush();
    expect(broken.unavailable).toHaveBeenCalledTimes(1);
    expect(broken.mesh.running).toBe(true);
    expect(broken.mesh.syncPeers).toHaveBeenCalledWith(["me", "bob"]);
  });

  it("when Janus goes away mid-call a small meeting goes peer to peer at once, then back to the SFU when it answers", async () => {
    vi.useFakeTimers();
    const { mesh, sfu, transport, join, unavailable } = setUp();
    join("sfu", ["me", "bob", "cat"]);
    await vi.advanceTimersByTimeAsync(0);
    sfu.show({ bob: { camera: live("sfu-cam") } });
    sfu.startResult = "unavailable";
    sfu.fail();
    expect(mesh.running).toBe(true);
    expect(mesh.syncPeers).toHaveBeenCalledWith(["me", "bob", "cat"]);
    expect(transport.route.get().carrier).toBe("mesh");
    mesh.show({ bob: { camera: live("mesh-cam") } });
    expect(transport.view.get().tracks.bob?.camera?.id).toBe("mesh-cam");

    await vi.advanceTimersByTimeAsync(500);
    expect(sfu.starts).toBe(2);
    expect(transport.route.get().carrier).toBe("mesh");
    sfu.startResult = "started";
    await vi.advanceTimersByTimeAsync(1_000);
    expect(sfu.starts).toBe(3);
    expect(transport.route.get()).toEqual({ carrier: "sfu", switching: true });
    sfu.show({ bob: { camera: live("sfu-cam-again") } });
    await vi.advanceTimersByTimeAsync(0);
    expect(transport.route.get()).toEqual({ carrier: "sfu", switching: false });
    await vi.advanceTimersByTimeAsync(OLD_PATH_LINGER_MS);
    expect(mesh.stop).toHaveBeenCalled();
    expect(unavailable).not.toHaveBeenCalled();
  });

  it("a large meeting never falls back to a mesh: it keeps trying the SFU", async () => {
    vi.useFakeTimers();
    const { mesh, sfu, join } = setUp();
    join("sfu", ["me", "a", "b", "c", "d"]);
    await vi.advanceTimersByTimeAsync(0);
    sfu.startResult = "unavailable";
    sfu.fail();
    await vi.advanceTimersByTimeAsync(500 + 1_000 + 1_000);
    expect(mesh.running).toBe(false);
    expect(sfu.starts).toBe(4);
  });
});
