import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { describe, expect, it } from "vitest";
import { initialMeetingViewState, type MeetingViewEvent, type MeetingViewState, reduceMeetingView } from "@/lib/meeting-client/state/meeting-view-state";
import type { ServerMessage } from "@/lib/signaling";
import { chatMessage, participant, welcome } from "./fixtures";

const me = participant("me", { name: "Me" });
const ann = participant("ann", { name: "Ann" });
const ben = participant("ben", { name: "Ben" });

function run(events: MeetingViewEvent[], from: MeetingViewState = initialMeetingViewState): MeetingViewState {
  return events.reduce(reduceMeetingView, from);
}

const server = (message: ServerMessage, at = 0): MeetingViewEvent => ({ type: "server", message, at });

describe("reduceMeetingView", () => {
  it("takes the roster, history and room settings from welcome", () => {
    const state = run([server(welcome(me, [ann], { chat: [chatMessage("1", "ann")], room: { locked: true, spotlight: "ann", policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" } }))]);
    expect(state).toMatchObject({ phase: "in-meeting", selfId: "me", room: { locked: true, spotlight: "ann" }, unreadChat: 0 });
    expect(state.participants.map((p) => p.id)).toEqual(["me", "ann"]);
    expect(state.chat.map((m) => m.id)).toEqual(["1"]);
  });

  it("adds, updates and removes participants in place", () => {
    const joined = run([server(welcome(me)), server({ type: "participant-joined", participant: ann }), server({ type: "participant-joined", participant: ben })]);
    expect(joined.participants.map((p) => p.id)).toEqual(["me", "ann", "ben"]);
    const muted = run([server({ type: "participant-updated", participant: { ...ann, media: { audio: false, video: true, screen: false } } })], joined);
    expect(muted.participants.map((p) => p.id)).toEqual(["me", "ann", "ben"]);
    expect(muted.participants[1]!.media.audio).toBe(false);
    const left = run([server({ type: "participant-left", participantId: "ann", reason: "left" })], muted);
    expect(left.participants.map((p) => p.id)).toEqual(["me", "ben"]);
  });

  it("counts chat from others as unread only while the chat is closed, once per message id", () => {
    const state = run([
      server(welcome(me, [ann])),
      server({ type: "chat", message: chatMessage("1", "ann") }),
      server({ type: "chat", message: chatMessage("1", "ann") }),
      server({ type: "chat", message: chatMessage("2", "me") }),
    ]);
    expect(state.chat.map((m) => m.id)).toEqual(["1", "2"]);
    expect(state.unreadChat).toBe(1);
    const opened = run([{ type: "panel-toggled", panel: "chat" }, server({ type: "chat", message: chatMessage("3", "ann") })], state);
    expect(opened.unreadChat).toBe(0);
    expect(run([{ type: "panel-toggled", panel: "participants" }], opened).panel).toBe("participants");
    expect(run([{ type: "panel-toggled", panel: "chat" }], opened).panel).toBeNull();
  });

  it("counts history missed during a reconnection as unread, but not the first welcome's history", () => {
    const first = run([server(welcome(me, [ann], { chat: [chatMessage("1", "ann")] }))]);
    expect(first.unreadChat).toBe(0);
    const resumed = run(
      [{ type: "connection-lost" }, server(welcome(me, [ann], { chat: [chatMessage("1", "ann"), chatMessage("2", "ann"), chatMessage("3", "me")], resumed: true }))],
      first,
    );
    expect(resumed.phase).toBe("in-meeting");
    expect(resumed.unreadChat).toBe(1);
  });

  it("goes to reconnecting only from the meeting, and back on welcome", () => {
    expect(run([{ type: "connection-lost" }]).phase).toBe("connecting");
    expect(run([server(welcome(me)), { type: "connection-lost" }]).phase).toBe("reconnecting");
  });

  it("ends on removed, ended, leave or failure, and ignores later frames", () => {
    const joined = run([server(welcome(me, [ann]))]);
    expect(run([server({ type: "removed", by: "ann" })], joined).exit).toEqual({ reason: "removed", message: undefined });
    expect(run([server({ type: "ended", by: "ann" })], joined).exit?.reason).toBe("ended");
    expect(run([{ type: "failed", message: "locked" }], joined).exit).toEqual({ reason: "failed", message: "locked" });
    const left = run([{ type: "left" }], joined);
    expect(left.phase).toBe("over");
    expect(run([server({ type: "participant-joined", participant: ben }), server(welcome(me))], left)).toBe(left);
  });

  it("starts a rejoin afresh but keeps the chosen layout", () => {
    const state = run([server(welcome(me, [ann])), { type: "layout-chosen", mode: "speaker" }, { type: "left" }, { type: "join-started" }]);
    expect(state).toMatchObject({ phase: "connecting", exit: null, selfId: null, participants: [], layoutMode: "speaker" });
  });

  it("cycles layouts auto → grid → speaker → auto", () => {
    const modes = [1, 2, 3].map((count) => run(Array.from({ length: count }, (): MeetingViewEvent => ({ type: "layout-cycled" }))).layoutMode);
    expect(modes).toEqual(["grid", "speaker", "auto"]);
  });

  it("toggles a pin and drops it when its participant leaves", () => {
    const pinned = run([server(welcome(me, [ann])), { type: "pin-toggled", tile: { participantId: "ann", source: "camera" } }]);
    expect(pinned.pinned).toEqual({ participantId: "ann", source: "camera" });
    expect(run([{ type: "pin-toggled", tile: { participantId: "ann", source: "camera" } }], pinned).pinned).toBeNull();
    expect(run([{ type: "pin-toggled", tile: { participantId: "ann", source: "screen" } }], pinned).pinned).toEqual({ participantId: "ann", source: "screen" });
    expect(run([server({ type: "participant-left", participantId: "ann", reason: "timeout" })], pinned).pinned).toBeNull();
  });

  it("remembers when each screen share started, on the local clock", () => {
    const sharing = (p: typeof ann) => ({ ...p, media: { ...p.media, screen: true } });
    const state = run([server(welcome(me, [ann, ben]), 0), server({ type: "participant-updated", participant: sharing(ann) }, 100), server({ type: "participant-updated", participant: sharing(ben) }, 200)]);
    expect(state.screenSince).toEqual({ ann: 100, ben: 200 });
    const stopped = run([server({ type: "participant-updated", participant: ann }, 300)], state);
    expect(stopped.screenSince).toEqual({ ben: 200 });
  });

  it("floats reactions until they expire or their sender leaves", () => {
    const state = run([server(welcome(me, [ann])), server({ type: "reaction", from: "ann", emoji: "👍" }), server({ type: "reaction", from: "me", emoji: "🎉" })]);
    expect(state.reactions.map((r) => [r.participantId, r.emoji])).toEqual([
      ["ann", "👍"],
      ["me", "🎉"],
    ]);
    const [first] = state.reactions;
    expect(run([{ type: "reaction-expired", id: first!.id }], state).reactions.map((r) => r.emoji)).toEqual(["🎉"]);
    expect(run([server({ type: "participant-left", participantId: "ann", reason: "left" })], state).reactions.map((r) => r.emoji)).toEqual(["🎉"]);
  });

  it("applies room updates", () => {
    expect(run([server(welcome(me, [ann])), server({ type: "room-updated", locked: true, spotlight: "ann", policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" })]).room).toEqual({ locked: true, spotlight: "ann", policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" });
  });
});

describe("reduceMeetingView: waiting room and roles", () => {
  const bob = { id: "bob", userId: "user-bob", name: "Bob", role: "participant" as const, since: 5 };
  const cy = { id: "cy", userId: "user-cy", name: "Cy", role: "participant" as const, since: 6 };

  it("waits without a roster, then enters with the welcome", () => {
    const waiting = run([{ type: "join-started" }, server({ type: "waiting", v: 2, self: bob, resume: "b".repeat(43) })]);
    expect(waiting).toMatchObject({ phase: "waiting", selfId: null, participants: [] });
    expect(run([server(welcome(me, [ann]))], waiting)).toMatchObject({ phase: "in-meeting", selfId: "me" });
  });

  it("keeps a denial's explanation when the close that follows reports a failure", () => {
    const denied = run([server({ type: "waiting", v: 2, self: bob, resume: "b".repeat(43) }), server({ type: "denied", by: "host" }), { type: "failed", message: "closed" }]);
    expect(denied).toMatchObject({ phase: "over", exit: { reason: "denied" } });
  });

  it("keeps the host's waiting list from the welcome, knocks and updates", () => {
    const host = run([server(welcome(me, [], { waiting: [bob] }))]);
    expect(host.waiting).toEqual([bob]);
    const knocked = run([server({ type: "knock", participant: cy }), server({ type: "knock", participant: cy })], host);
    expect(knocked.waiting).toEqual([bob, cy]);
    expect(run([server({ type: "waiting-updated", waiting: [cy] })], knocked).waiting).toEqual([cy]);
  });

  it("takes the room's policy from room updates", () => {
    const policy = { ...defaultRoomPolicy, chatEnabled: false };
    expect(run([server(welcome(me)), server({ type: "room-updated", locked: false, spotlight: null, policy, recording: null, mediaPath: "mesh" })]).room.policy).toEqual(policy);
  });
});
