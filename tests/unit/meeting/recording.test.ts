import { describe, expect, it } from "vitest";
import { defaultRoomPolicy, type RoomPolicy } from "@/lib/domain/room-policy";
import { meetingRecordsFor } from "@/lib/meeting/meeting-records";
import { RECONNECT_GRACE_MS } from "@/lib/meeting/meeting-policy";
import { restoreMeeting } from "@/lib/meeting/persistence";
import { deliveries, MeetingDriver, messagesTo } from "./meeting-driver";

const RECORDING_ID = "11111111-2222-4333-8444-555555555555";

function meeting(policy: Partial<RoomPolicy> = {}) {
  const driver = new MeetingDriver();
  const full = { ...defaultRoomPolicy, ...policy };
  const host = driver.join("hannah", "host", { policy: full });
  const bob = driver.join("bob", "participant", { policy: full });
  return { driver, host, bob };
}

describe("recording in the meeting room", () => {
  it("a host starts it: everyone hears room-updated with the recorder, the part and the start time", () => {
    const { driver, host, bob } = meeting();
    const { state, effects } = driver.record(host.socket, true, RECORDING_ID);
    const expected = { id: RECORDING_ID, by: host.id, userId: "user-hannah", startedAt: driver.now, part: 1 };
    expect(state.room.recording).toEqual(expected);
    for (const socket of [host.socket, bob.socket]) {
      expect(messagesTo(effects, socket)).toContainEqual(expect.objectContaining({ type: "room-updated", recording: expected }));
    }
  });

  it("refuses a forged start from a participant, and any start when the policy is off, changing nothing", () => {
    const { driver, bob } = meeting();
    const before = driver.state;
    const refused = driver.record(bob.socket, true);
    expect(refused.state).toBe(before);
    expect(deliveries(refused.effects)).toEqual([{ to: bob.socket, message: { type: "error", code: "forbidden", message: "Only hosts can record" } }]);

    const off = meeting({ recording: "off" });
    const offRefused = off.driver.record(off.host.socket, true);
    expect(offRefused.state.room.recording).toBeNull();
    expect(messagesTo(offRefused.effects, off.host.socket)).toEqual([{ type: "error", code: "forbidden", message: "Recording is turned off for this meeting" }]);
  });

  it("a second start is refused while one runs; a stop clears it and the next start is part 2", () => {
    const { driver, host } = meeting();
    const cohost = driver.join("nina", "host");
    driver.record(host.socket, true, RECORDING_ID);
    const second = driver.record(cohost.socket, true);
    expect(messagesTo(second.effects, cohost.socket)).toEqual([{ type: "error", code: "forbidden", message: "The meeting is already being recorded by hannah" }]);
    expect(driver.record(cohost.socket, false).state.room.recording).toBeNull();
    expect(driver.record(cohost.socket, true).state.room.recording).toMatchObject({ by: cohost.id, part: 2 });
  });

  it("ends when the recorder leaves, is dropped after the grace, or is demoted; not while they reconnect", () => {
    const left = meeting();
    left.driver.record(left.host.socket, true);
    expect(left.driver.send(left.host.socket, { type: "leave" }).state.room.recording).toBeNull();

    const dropped = meeting();
    const cohost = dropped.driver.join("nina", "host");
    dropped.driver.record(cohost.socket, true);
    dropped.driver.disconnect(cohost.socket);
    expect(dropped.driver.state.room.recording).not.toBeNull();
    dropped.driver.advance(RECONNECT_GRACE_MS + 1);
    expect(dropped.driver.state.room.recording).toBeNull();

    const demoted = meeting();
    const nina = demoted.driver.join("nina", "host");
    demoted.driver.record(nina.socket, true);
    const { state, effects } = demoted.driver.send(demoted.host.socket, { type: "set-role", participantId: nina.id, role: "participant" });
    expect(state.room.recording).toBeNull();
    expect(messagesTo(effects, demoted.bob.socket)).toContainEqual(expect.objectContaining({ type: "room-updated", recording: null }));
  });

  it("the policy `auto` starts recording when the first host comes in, once per meeting", () => {
    const driver = new MeetingDriver();
    const policy = { ...defaultRoomPolicy, recording: "auto" as const };
    driver.join("bob", "participant", { policy });
    expect(driver.state.room.recording).toBeNull();
    const host = driver.join("hannah", "host", { policy });
    expect(driver.state.room.recording).toMatchObject({ by: host.id, part: 1 });
    driver.record(host.socket, false);
    driver.join("nina", "host", { policy });
    expect(driver.state.room.recording).toBeNull();
  });

  it("files recording-started and recording-stopped records, with who stopped it and why", () => {
    const { driver, host } = meeting();
    const start = driver.state;
    driver.record(host.socket, true, RECORDING_ID);
    const started = meetingRecordsFor({ before: start, after: driver.state, event: { type: "tick", now: driver.now }, meetingId: "m1", newMeetingId: () => "m2" });
    expect(started.events).toContainEqual(
      expect.objectContaining({ type: "recording-started", recordingId: RECORDING_ID, part: 1, participantId: host.id, userId: "user-hannah" }),
    );
    const running = driver.state;
    const event = { type: "record" as const, now: driver.now, connectionId: host.socket, message: { type: "record" as const, on: false }, recordingId: "x" };
    driver.record(host.socket, false);
    const stopped = meetingRecordsFor({ before: running, after: driver.state, event, meetingId: "m1", newMeetingId: () => "m2" });
    expect(stopped.events).toContainEqual(expect.objectContaining({ type: "recording-stopped", recordingId: RECORDING_ID, reason: "stopped", by: host.id }));
  });

  it("survives a restart: the recording and the part counter are stored with the room", () => {
    const { driver, host } = meeting();
    driver.record(host.socket, true, RECORDING_ID);
    const restored = restoreMeeting(driver.storage, driver.now);
    expect(restored.state.room.recording?.id).toBe(RECORDING_ID);
    expect(restored.state.recordingParts).toBe(1);
  });
});

describe("recording across meetings", () => {
  it("the next meeting in the room starts over at part 1 and records automatically again", () => {
    const driver = new MeetingDriver();
    const policy = { ...defaultRoomPolicy, recording: "auto" as const };
    const first = driver.join("hannah", "host", { policy });
    expect(driver.state.room.recording?.part).toBe(1);
    driver.send(first.socket, { type: "leave" });
    expect(driver.state.recordingParts).toBe(0);
    driver.join("hannah", "host", { policy });
    expect(driver.state.room.recording?.part).toBe(1);
  });
});
