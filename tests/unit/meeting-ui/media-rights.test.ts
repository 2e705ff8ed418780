import { describe, expect, it } from "vitest";
import { ALL_MEDIA_ALLOWED, mediaRights, publishesNothing } from "@/lib/meeting-client/state/media-rights";
import { defaultRoomPolicy } from "@/lib/domain/room-policy";

describe("mediaRights", () => {
  it("holds nothing back before the welcome says who one is", () => {
    expect(mediaRights(undefined, defaultRoomPolicy)).toEqual(ALL_MEDIA_ALLOWED);
  });

  it("says why an observer may publish nothing, so their connections only receive", () => {
    const rights = mediaRights("observer", defaultRoomPolicy);
    expect(rights.audio).toBe("Observers can't unmute — ask a host to make you a presenter");
    expect(publishesNothing(rights)).toBe(true);
  });

  it("blocks only the screen for participants when presenters share", () => {
    const rights = mediaRights("participant", { ...defaultRoomPolicy, screenShare: "presenters" });
    expect(rights).toMatchObject({ audio: null, video: null, screen: expect.stringMatching(/presenters/) });
    expect(publishesNothing(rights)).toBe(false);
    expect(mediaRights("presenter", { ...defaultRoomPolicy, screenShare: "presenters" })).toEqual(ALL_MEDIA_ALLOWED);
  });
});
