import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/domain/actor";
import { type RecordingAccessFacts, canDeleteRecording, canViewRecording } from "@/lib/domain/recording-access";

const person = (id: string, role: Actor["role"] = "employee"): Actor => ({ id, name: id, email: `${id}@example.test`, role });
const owner = person("owner");
const cohost = person("cohost");
const recorder = person("recorder");
const participant = person("participant");
const otherMeeting = person("other-meeting");
const outsider = person("outsider");
const admin = person("admin", "admin");

const facts = (access: RecordingAccessFacts["access"]): RecordingAccessFacts => ({
  roomOwnerId: owner.id,
  access,
  startedById: recorder.id,
  participantUserIds: new Set([cohost.id, recorder.id, participant.id]),
  hostUserIds: new Set([cohost.id]),
});

describe("recording access", () => {
  it.each([
    ["owner", owner, true, true, true, true],
    ["co-host of that meeting", cohost, true, true, true, true],
    ["admin", admin, true, true, true, true],
    ["recorder", recorder, true, true, false, false],
    ["participant of that meeting", participant, true, false, false, false],
    ["participant of another meeting", otherMeeting, false, false, false, false],
    ["outsider", outsider, false, false, false, false],
  ])("%s: view (participants policy) %s, view (hosts policy) %s, delete %s/%s", (_who, actor, viewAll, viewHosts, deleteAll, deleteHosts) => {
    expect(canViewRecording(actor, facts("participants"))).toBe(viewAll);
    expect(canViewRecording(actor, facts("hosts"))).toBe(viewHosts);
    expect(canDeleteRecording(actor, facts("participants"))).toBe(deleteAll);
    expect(canDeleteRecording(actor, facts("hosts"))).toBe(deleteHosts);
  });

  it("a deleted recorder's recording is still the hosts'", () => {
    const orphan = { ...facts("hosts"), startedById: null };
    expect(canViewRecording(recorder, orphan)).toBe(false);
    expect(canViewRecording(owner, orphan)).toBe(true);
  });
});
