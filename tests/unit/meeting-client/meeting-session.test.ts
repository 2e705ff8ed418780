import { describe, expect, it } from "vitest";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { meetingActions } from "@/lib/meeting-client/meeting-actions";
import type { MeetingPrompt } from "@/lib/meeting-client/meeting-prompts";
import { LobbyGrants } from "@/lib/meeting-client/lobby-grants";
import { MeetingSession } from "@/lib/meeting-client/meeting-session";
import { JoinRefusedError, type ReceivedGrant } from "@/lib/meeting-client/state/join-grant";
import type { ServerMessage } from "@/lib/signaling";
import { participant, welcome } from "../meeting-ui/fixtures";
import { FakeConnection, FakeMedia, FakeTransport, GRANT, track } from "./fakes";

function setUp(options: { request?: (roomId: string) => Promise<ReceivedGrant> } = {}) {
  const media = new FakeMedia();
  const transport = new FakeTransport();
  const connection = new FakeConnection();
  const session = new MeetingSession({
    roomId: "room-1",
    media: media.handle(),
    createTransport: () => transport,
    createConnection: (handlers) => {
      connection.handlers = handlers;
      return connection;
    },
    grants: new LobbyGrants("room-1", options.request ?? (async () => ({ grant: GRANT, receivedAt: Date.now() }))),
  });
  const prompts: MeetingPrompt[] = [];
  session.prompts.on("prompt", (prompt) => prompts.push(prompt));
  /** The server's message, as the socket hands it over once joined; the media hooks then re-render. */
  const receive = (message: ServerMessage) => {
    if (message.type === "welcome") connection.joined = true;
    connection.handlers.onMessage(message);
    session.setMedia(media.handle());
  };
  return { session, media, transport, connection, prompts, receive };
}

const self = participant("p1");
const other = participant("p2");

describe("MeetingSession", () => {
  it("joins with the lobby's grant, starts the media path on welcome with the grant's ICE servers and tells the server what it sends", async () => {
    const { session, transport, connection, receive } = setUp();
    const leaveLobby = session.enterLobby();
    await Promise.resolve();
    expect(connection.prepared).toHaveLength(1);
    await session.join();
    leaveLobby();
    expect(connection.connectedWith[0]?.grant).toEqual(GRANT);
    expect(session.status.get()).toEqual({ entered: true, joining: false, joinError: null });
    expect(session.view.get().phase).toBe("connecting");

    receive(welcome(self, [other]));
    expect(session.view.get().phase).toBe("in-meeting");
    expect(transport.joins).toHaveLength(1);
    expect(transport.joins[0]).toMatchObject({ selfId: "p1", participantIds: ["p1", "p2"], iceServers: GRANT.iceServers, iceTransportPolicy: "relay", receiveOnly: false, mediaPath: "mesh" });
    expect(transport.published.at(-1)).toEqual({ audio: expect.objectContaining({ id: "mic" }), video: expect.objectContaining({ id: "cam" }), screen: null });
    expect(connection.sent.filter((message) => message.type === "media")).toEqual([{ type: "media", audio: true, video: true, screen: false }]);
  });

  it("says why a join was refused and goes back to the lobby", async () => {
    const { session, connection } = setUp();
    connection.connectResult = async () => {
      throw new JoinRefusedError("This room is archived.", true);
    };
    await session.join();
    expect(session.status.get()).toEqual({ entered: false, joining: false, joinError: "This room is archived." });
  });

  it("enters muted and with the camera off when the room's policy says so, but not when resuming a seat", () => {
    const policy = { ...defaultRoomPolicy, muteOnEntry: true, cameraOffOnEntry: true };
    const first = setUp();
    first.receive(welcome(self, [], { room: { locked: false, spotlight: null, policy, recording: null, mediaPath: "mesh" } }));
    expect(first.media.microphone.enabled).toBe(false);
    expect(first.media.camera.enabled).toBe(false);
    expect(first.connection.sent.filter((message) => message.type === "media").at(-1)).toEqual({ type: "media", audio: false, video: false, screen: false });

    const resumed = setUp();
    resumed.receive(welcome(self, [], { room: { locked: false, spotlight: null, policy, recording: null, mediaPath: "mesh" }, resumed: true }));
    expect(resumed.media.microphone.enabled).toBe(true);
  });

  it("an observer publishes nothing: devices off, a receive-only media path, and no tracks go out", () => {
    const { transport, media, receive } = setUp();
    receive(welcome(participant("p1", { role: "observer" }), [other]));
    expect(media.microphone.enabled).toBe(false);
    expect(media.camera.enabled).toBe(false);
    expect(transport.joins[0]?.receiveOnly).toBe(true);
    expect(transport.published.at(-1) ?? { audio: null, video: null, screen: null }).toEqual({ audio: null, video: null, screen: null });
  });

  it("a demotion to observer turns the devices off and makes the path receive-only", () => {
    const { transport, media, receive } = setUp();
    receive(welcome(self, [other]));
    expect(transport.published.at(-1)?.audio).not.toBeNull();
    receive({ type: "participant-updated", participant: { ...self, role: "observer" } });
    expect(media.microphone.enabled).toBe(false);
    expect(transport.receiveOnly.at(-1)).toBe(true);
    expect(transport.published.at(-1)).toEqual({ audio: null, video: null, screen: null });
  });

  it("follows the room between the mesh and the SFU, starting large meetings on the SFU", () => {
    const { transport, receive } = setUp();
    receive(welcome(self, [other]));
    expect(transport.joins[0]?.mediaPath).toBe("mesh");
    const room = { locked: false, spotlight: null, policy: defaultRoomPolicy, recording: null };
    receive({ type: "room-updated", ...room, mediaPath: "sfu" });
    receive({ type: "room-updated", ...room, locked: true, mediaPath: "sfu" });
    receive({ type: "room-updated", ...room, mediaPath: "mesh" });
    expect(transport.switches).toEqual([
      { path: "sfu", participantIds: ["p1", "p2"] },
      { path: "mesh", participantIds: ["p1", "p2"] },
    ]);

    const large = setUp();
    large.receive(welcome(self, [other], { room: { ...room, mediaPath: "sfu" } }));
    expect(large.transport.joins[0]?.mediaPath).toBe("sfu");
  });

  it("passes signals to the media path and drops the connection of whoever leaves", () => {
    const { transport, receive } = setUp();
    receive(welcome(self, [other]));
    const payload = { kind: "candidate", candidate: null } as unknown as Extract<ServerMessage, { type: "signal" }>["payload"];
    receive({ type: "signal", from: "p2", payload });
    receive({ type: "participant-left", participantId: "p2", reason: "left" });
    expect(transport.signals).toEqual([{ from: "p2", signal: payload }]);
    expect(transport.removed).toEqual(["p2"]);
  });

  it("a host's mute switches the microphone off; a request to unmute is only a prompt", () => {
    const { media, prompts, receive } = setUp();
    receive(welcome(self, [other]));
    receive({ type: "muted-by-host" } as ServerMessage);
    expect(media.microphone.enabled).toBe(false);
    receive({ type: "unmute-requested" } as ServerMessage);
    expect(media.microphone.enabled).toBe(false);
    expect(prompts).toContainEqual({ kind: "unmute-requested" });
  });

  it("prompts a host about each knock and withdraws the prompt once someone settled it", () => {
    const { prompts, receive } = setUp();
    receive(welcome(participant("p1", { role: "host" }), [], { waiting: [] }));
    const dan = { id: "w1", userId: "user-dan", name: "Dan", role: "participant" as const, since: 5_000 };
    receive({ type: "knock", participant: dan });
    receive({ type: "waiting-updated", waiting: [dan] });
    receive({ type: "waiting-updated", waiting: [] });
    expect(prompts).toContainEqual({ kind: "knock", participant: dan });
    expect(prompts).toContainEqual({ kind: "knock-settled", participantId: "w1" });
  });

  it("removed from the meeting: the media path stops and the devices are released", () => {
    const { session, transport, media, receive } = setUp();
    receive(welcome(self, [other]));
    receive({ type: "removed" } as ServerMessage);
    expect(transport.stops).toBe(1);
    expect(media.released).toBe(1);
    expect(session.view.get().phase).toBe("over");
  });

  it("publishes a track change once, and tells the server the media flags again after a reconnection", () => {
    const { session, transport, connection, media, receive } = setUp();
    receive(welcome(self, [other]));
    const publishedBefore = transport.published.length;
    session.setMedia(media.handle());
    expect(transport.published).toHaveLength(publishedBefore);
    media.camera.track = track("video", "cam-2");
    session.setMedia(media.handle());
    expect(transport.published).toHaveLength(publishedBefore + 1);
    expect(transport.published.at(-1)?.video).toEqual(expect.objectContaining({ id: "cam-2" }));

    const mediaMessages = () => connection.sent.filter((message) => message.type === "media").length;
    expect(mediaMessages()).toBe(1);
    connection.joined = false;
    connection.handlers.onConnectionLost();
    expect(session.view.get().phase).toBe("reconnecting");
    receive(welcome(self, [other], { resumed: true }));
    expect(mediaMessages()).toBe(2);
  });

  it("a control the role forbids explains itself instead of acting", async () => {
    const { session, media, prompts, receive } = setUp();
    receive(welcome(participant("p1", { role: "observer" }), []));
    const actions = meetingActions(session);
    actions.toggleMicrophone();
    await actions.toggleScreenShare();
    expect(media.microphone.enabled).toBe(false);
    expect(media.screen).toBeNull();
    expect(prompts.filter((prompt) => prompt.kind === "forbidden")).toHaveLength(2);
  });

  it("a fatal close stops media and ends the meeting with the reason", () => {
    const { session, transport, media, connection, receive } = setUp();
    receive(welcome(self, []));
    connection.handlers.onFatal("The room was deleted.", "closed");
    expect(transport.stops).toBe(1);
    expect(media.released).toBe(1);
    expect(session.view.get().exit).toEqual({ reason: "closed", message: "The room was deleted." });
  });
});
