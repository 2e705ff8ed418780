import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import { describe, expect, it } from "vitest";
import { noticesFor } from "@/lib/meeting-client/state/meeting-notices";
import { initialMeetingViewState, type MeetingViewState, reduceMeetingView } from "@/lib/meeting-client/state/meeting-view-state";
import { participant, welcome } from "./fixtures";

const me = participant("me", { name: "Me" });
const ann = participant("ann", { name: "Ann" });
const inMeeting: MeetingViewState = reduceMeetingView(initialMeetingViewState, { type: "server", message: welcome(me, [ann]), at: 0 });

describe("noticesFor", () => {
  it("announces one's own arrival without a toast, and says who is there", () => {
    expect(noticesFor(initialMeetingViewState, welcome(me, [ann]))).toEqual([{ text: "You joined. 1 other person is here.", toast: null }]);
    expect(noticesFor(initialMeetingViewState, welcome(me))).toEqual([{ text: "You joined. Nobody else is here yet.", toast: null }]);
    expect(noticesFor({ ...inMeeting, phase: "reconnecting" }, welcome(me, [ann]))).toEqual([{ text: "Reconnected", toast: "info" }]);
  });

  it("toasts arrivals and departures of others, with the reason", () => {
    expect(noticesFor(inMeeting, { type: "participant-joined", participant: participant("bo", { name: "Bo" }) })).toEqual([{ text: "Bo joined", toast: "info", burst: { kind: "joined", name: "Bo" } }]);
    expect(noticesFor(inMeeting, { type: "participant-joined", participant: ann })).toEqual([]);
    expect(noticesFor(inMeeting, { type: "participant-left", participantId: "ann", reason: "left" })).toEqual([{ text: "Ann left", toast: "info", burst: { kind: "left", name: "Ann" } }]);
    expect(noticesFor(inMeeting, { type: "participant-left", participantId: "ann", reason: "removed" })[0]?.text).toBe("A host removed Ann");
    expect(noticesFor(inMeeting, { type: "participant-left", participantId: "ann", reason: "timeout" })[0]?.text).toBe("Ann lost their connection and left");
    expect(noticesFor(inMeeting, { type: "participant-left", participantId: "gone", reason: "left" })).toEqual([]);
  });

  it("toasts a raised hand, and only announces a lowered one or one's own", () => {
    const raised = { ...ann, hand: { raised: true, raisedAt: 5 } };
    expect(noticesFor(inMeeting, { type: "participant-updated", participant: raised })).toEqual([{ text: "Ann raised their hand", toast: "info" }]);
    const withRaised = reduceMeetingView(inMeeting, { type: "server", message: { type: "participant-updated", participant: raised }, at: 1 });
    expect(noticesFor(withRaised, { type: "participant-updated", participant: ann })).toEqual([{ text: "Ann lowered their hand", toast: null }]);
    expect(noticesFor(inMeeting, { type: "participant-updated", participant: { ...me, hand: { raised: true } } })).toEqual([{ text: "Your hand is raised", toast: null }]);
    expect(noticesFor(inMeeting, { type: "participant-updated", participant: { ...ann, media: { audio: false, video: false, screen: false } } })).toEqual([]);
  });

  it("announces others' reconnections", () => {
    expect(noticesFor(inMeeting, { type: "participant-updated", participant: { ...ann, connection: "reconnecting" } })).toEqual([{ text: "Ann is reconnecting", toast: null }]);
  });

  it("says what a host did to everyone, worded for the host and for the others", () => {
    expect(noticesFor(inMeeting, { type: "everyone-muted", by: "ann", exceptPresenters: false })).toEqual([{ text: "A host muted everyone", toast: null }]);
    expect(noticesFor(inMeeting, { type: "everyone-muted", by: "me", exceptPresenters: true })).toEqual([{ text: "You muted everyone except presenters", toast: "info" }]);
    expect(noticesFor(inMeeting, { type: "hands-lowered", by: "ann" })).toEqual([{ text: "A host lowered all hands", toast: "info" }]);
    expect(noticesFor(inMeeting, { type: "share-stopped-by-host", by: "ann" })).toEqual([{ text: "A host stopped your screen share", toast: "warning" }]);
    expect(noticesFor(inMeeting, { type: "unmute-requested", by: "ann" })[0]?.text).toMatch(/asks you to unmute/);
  });

  it("warns when a host mutes you, and describes room changes", () => {
    expect(noticesFor(inMeeting, { type: "muted-by-host", by: "ann" })).toEqual([{ text: "A host muted your microphone", toast: "warning" }]);
    expect(noticesFor(inMeeting, { type: "room-updated", locked: true, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" })[0]?.text).toMatch(/locked/);
    expect(noticesFor(inMeeting, { type: "room-updated", locked: false, spotlight: "ann", policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" })).toEqual([{ text: "Ann is spotlighted for everyone", toast: null }]);
    expect(noticesFor(inMeeting, { type: "room-updated", locked: false, spotlight: "me", policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" })).toEqual([{ text: "You are spotlighted for everyone", toast: "info" }]);
  });

  it("tells everyone, out loud and on screen, when recording starts and stops, and a joiner that it runs", () => {
    const recording = { id: "11111111-2222-4333-8444-555555555555", by: "ann", userId: "u-ann", startedAt: 1, part: 1 };
    const started = { type: "room-updated" as const, locked: false, spotlight: null, policy: defaultRoomPolicy, recording, mediaPath: "mesh" as const };
    expect(noticesFor(inMeeting, started)).toEqual([{ text: "Ann started recording this meeting", toast: "warning" }]);
    expect(noticesFor(inMeeting, { ...started, recording: { ...recording, by: "me" } })[0]?.text).toMatch(/^You started recording/);
    const whileRecording = reduceMeetingView(inMeeting, { type: "server", message: started, at: 2 });
    expect(noticesFor(whileRecording, started)).toEqual([]);
    expect(noticesFor(whileRecording, { ...started, recording: null, mediaPath: "mesh" })).toEqual([{ text: "Recording stopped", toast: "info" }]);
    const joinedDuring = welcome(me, [ann], { room: { locked: false, spotlight: null, policy: defaultRoomPolicy, recording, mediaPath: "mesh" } });
    expect(noticesFor(initialMeetingViewState, joinedDuring)).toContainEqual({ text: "This meeting is being recorded", toast: "warning" });
  });

  it("reports errors a person can act on, and stays quiet about protocol noise and after the end", () => {
    expect(noticesFor(inMeeting, { type: "error", code: "forbidden", message: "Only hosts can lock the meeting" })).toEqual([
      { text: "Only hosts can lock the meeting", toast: "error" },
    ]);
    expect(noticesFor(inMeeting, { type: "error", code: "forbidden", message: "" })).toEqual([{ text: "You can't do that in this meeting.", toast: "error" }]);
    expect(noticesFor(inMeeting, { type: "error", code: "invalid_message", message: "x" })).toEqual([]);
    expect(noticesFor({ ...inMeeting, phase: "over" }, { type: "participant-joined", participant: participant("bo") })).toEqual([]);
  });
});

describe("noticesFor: roles and the waiting room", () => {
  it("tells a person their new role, and others quietly", () => {
    expect(noticesFor(inMeeting, { type: "participant-updated", participant: { ...me, role: "presenter" } })).toEqual([
      { text: "A host made you a presenter.", toast: "info" },
    ]);
    expect(noticesFor(inMeeting, { type: "participant-updated", participant: { ...me, role: "observer" } })[0]?.text).toMatch(/an observer\. You can watch/);
    expect(noticesFor(inMeeting, { type: "participant-updated", participant: { ...ann, role: "host" } })).toEqual([{ text: "Ann is now a host", toast: null }]);
  });

  it("announces waiting and being turned away", () => {
    expect(noticesFor(initialMeetingViewState, { type: "waiting", v: 2, self: { id: "me", userId: "u", name: "Me", role: "participant", since: 1 }, resume: "a".repeat(43) })).toEqual([
      { text: "You're in the waiting room. A host will let you in.", toast: null },
    ]);
    expect(noticesFor(initialMeetingViewState, { type: "denied", by: "host" })).toEqual([{ text: "A host didn't let you in", toast: null }]);
  });
});
