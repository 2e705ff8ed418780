import { describe, expect, it } from "vitest";
import { noticesFor } from "@/components/meeting/state/meeting-notices";
import { initialMeetingViewState, type MeetingViewState, reduceMeetingView } from "@/components/meeting/state/meeting-view-state";
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
    expect(noticesFor(inMeeting, { type: "participant-joined", participant: participant("bo", { name: "Bo" }) })).toEqual([{ text: "Bo joined", toast: "info" }]);
    expect(noticesFor(inMeeting, { type: "participant-joined", participant: ann })).toEqual([]);
    expect(noticesFor(inMeeting, { type: "participant-left", participantId: "ann", reason: "left" })).toEqual([{ text: "Ann left", toast: "info" }]);
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

  it("warns when a host mutes you, and describes room changes", () => {
    expect(noticesFor(inMeeting, { type: "muted-by-host", by: "ann" })).toEqual([{ text: "A host muted your microphone", toast: "warning" }]);
    expect(noticesFor(inMeeting, { type: "room-updated", locked: true, spotlight: null })[0]?.text).toMatch(/locked/);
    expect(noticesFor(inMeeting, { type: "room-updated", locked: false, spotlight: "ann" })).toEqual([{ text: "Ann is spotlighted for everyone", toast: null }]);
    expect(noticesFor(inMeeting, { type: "room-updated", locked: false, spotlight: "me" })).toEqual([{ text: "You are spotlighted for everyone", toast: "info" }]);
  });

  it("reports errors a person can act on, and stays quiet about protocol noise and after the end", () => {
    expect(noticesFor(inMeeting, { type: "error", code: "forbidden", message: "x" })).toEqual([{ text: "Only hosts can do that.", toast: "error" }]);
    expect(noticesFor(inMeeting, { type: "error", code: "invalid_message", message: "x" })).toEqual([]);
    expect(noticesFor({ ...inMeeting, phase: "over" }, { type: "participant-joined", participant: participant("bo") })).toEqual([]);
  });
});
