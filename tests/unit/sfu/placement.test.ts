import { describe, expect, it } from "vitest";
import { chooseInstance, type InstanceProbe, NoSfuAvailableError } from "@/lib/sfu/placement";

const up = (url: string, rooms: [string, number][]): InstanceProbe => ({
  url,
  healthy: true,
  rooms: rooms.map(([room, participants]) => ({ room, participants })),
  participants: rooms.reduce((sum, [, participants]) => sum + participants, 0),
});
const down = (url: string): InstanceProbe => ({ url, healthy: false, error: "connect ECONNREFUSED" });

describe("chooseInstance", () => {
  it("keeps a meeting on the instance that already holds its room", () => {
    expect(chooseInstance([up("ws://a", [["m0", 1]]), up("ws://b", [["m1", 30]])], "m1")).toBe("ws://b");
  });

  it("places a new meeting on the least loaded healthy instance", () => {
    expect(chooseInstance([up("ws://a", [["m0", 12]]), down("ws://b"), up("ws://c", [["m2", 3], ["m3", 4]])], "m9")).toBe("ws://c");
  });

  it("moves a meeting off an instance that just failed, even if it still lists the room", () => {
    expect(chooseInstance([up("ws://a", [["m1", 5]]), up("ws://b", [])], "m1", ["ws://a"])).toBe("ws://b");
  });

  it("says which instances failed when none answers", () => {
    expect(() => chooseInstance([down("ws://a"), down("ws://b")], "m1")).toThrow(NoSfuAvailableError);
    expect(() => chooseInstance([down("ws://a")], "m1")).toThrow(/ws:\/\/a \(connect ECONNREFUSED\)/);
    expect(() => chooseInstance([], "m1")).toThrow(/JANUS_URLS/);
  });
});
