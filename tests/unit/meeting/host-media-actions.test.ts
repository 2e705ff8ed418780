import { describe, expect, it } from "vitest";
import { MeetingDriver, messagesTo } from "./meeting-driver";

/** Hannah hosts; Bob and Dan take part; Carol presents. Everyone but Dan has the microphone on. */
function meeting() {
  const driver = new MeetingDriver();
  const host = driver.join("hannah", "host");
  const bob = driver.join("bob");
  const carol = driver.join("carol", "presenter");
  const dan = driver.join("dan");
  for (const person of [host, bob, carol]) driver.send(person.socket, { type: "media", audio: true, video: true, screen: false });
  return { driver, host, bob, carol, dan };
}

const audioOf = (driver: MeetingDriver, id: string) => driver.participant(id)!.media.audio;

describe("host media actions", () => {
  it("mute everyone: participants and presenters go silent, hosts keep talking; each muted person is told and everyone hears it once", () => {
    const { driver, host, bob, carol, dan } = meeting();
    const { effects } = driver.send(host.socket, { type: "mute-all", exceptPresenters: false });
    expect([audioOf(driver, host.id), audioOf(driver, bob.id), audioOf(driver, carol.id)]).toEqual([true, false, false]);
    expect(driver.participant(bob.id)!.media.video).toBe(true);
    expect(messagesTo(effects, bob.socket)).toEqual([
      { type: "muted-by-host", by: host.id },
      { type: "participant-updated", participant: driver.participant(bob.id) },
      { type: "participant-updated", participant: driver.participant(carol.id) },
      { type: "everyone-muted", by: host.id, exceptPresenters: false },
    ]);
    // Dan was muted already: no notice for him, only the announcement and the others' updates.
    expect(messagesTo(effects, dan.socket).map((message) => message.type)).toEqual(["participant-updated", "participant-updated", "everyone-muted"]);
  });

  it("mute everyone except presenters spares the presenter", () => {
    const { driver, host, bob, carol } = meeting();
    const { effects } = driver.send(host.socket, { type: "mute-all", exceptPresenters: true });
    expect([audioOf(driver, bob.id), audioOf(driver, carol.id)]).toEqual([false, true]);
    expect(messagesTo(effects, carol.socket)).toEqual([
      { type: "participant-updated", participant: driver.participant(bob.id) },
      { type: "everyone-muted", by: host.id, exceptPresenters: true },
    ]);
  });

  it("ask to unmute: only the muted person hears the request, and nothing is turned on", () => {
    const { driver, host, bob, dan } = meeting();
    const before = driver.state;
    const { state, effects } = driver.send(host.socket, { type: "ask-unmute", participantId: dan.id });
    expect(state).toBe(before);
    expect(effects).toEqual([{ type: "send", to: dan.socket, message: { type: "unmute-requested", by: host.id } }]);
    // Someone already talking is not asked.
    expect(messagesTo(driver.send(host.socket, { type: "ask-unmute", participantId: bob.id }).effects, host.socket)).toEqual([
      expect.objectContaining({ type: "error", code: "forbidden" }),
    ]);
  });

  it("lower all hands: every raised hand goes down for everyone, and the room hears it", () => {
    const { driver, host, bob, carol, dan } = meeting();
    driver.send(bob.socket, { type: "hand", raised: true });
    driver.send(dan.socket, { type: "hand", raised: true });
    const { effects } = driver.send(host.socket, { type: "lower-hands" });
    for (const person of [bob, carol, dan]) expect(driver.participant(person.id)!.hand.raised).toBe(false);
    expect(messagesTo(effects, carol.socket)).toEqual([
      { type: "participant-updated", participant: driver.participant(bob.id) },
      { type: "participant-updated", participant: driver.participant(dan.id) },
      { type: "hands-lowered", by: host.id },
    ]);
  });

  it("stop someone's share: the screen is off for everyone and the sharer is told to stop sending it", () => {
    const { driver, host, bob, carol } = meeting();
    driver.send(carol.socket, { type: "media", audio: true, video: true, screen: true });
    const { effects } = driver.send(host.socket, { type: "stop-share", participantId: carol.id });
    expect(driver.participant(carol.id)!.media).toEqual({ audio: true, video: true, screen: false });
    expect(messagesTo(effects, carol.socket)).toEqual([
      { type: "share-stopped-by-host", by: host.id },
      { type: "participant-updated", participant: driver.participant(carol.id) },
    ]);
    expect(messagesTo(effects, bob.socket)).toEqual([{ type: "participant-updated", participant: driver.participant(carol.id) }]);
    expect(messagesTo(driver.send(host.socket, { type: "stop-share", participantId: carol.id }).effects, host.socket)).toEqual([
      expect.objectContaining({ type: "error", code: "forbidden" }),
    ]);
  });
});
