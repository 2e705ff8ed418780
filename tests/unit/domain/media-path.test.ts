import { describe, expect, it } from "vitest";
import { MESH_AT_PARTICIPANTS, nextMediaPath, SFU_FROM_PARTICIPANTS } from "@/lib/domain/media-path";

describe("nextMediaPath", () => {
  it("moves to the SFU from the threshold and back only once the meeting is small again (hysteresis)", () => {
    expect(SFU_FROM_PARTICIPANTS).toBeGreaterThan(MESH_AT_PARTICIPANTS + 1);
    expect(nextMediaPath("mesh", SFU_FROM_PARTICIPANTS - 1, false)).toBe("mesh");
    expect(nextMediaPath("mesh", SFU_FROM_PARTICIPANTS, false)).toBe("sfu");
    expect(nextMediaPath("sfu", SFU_FROM_PARTICIPANTS - 1, false)).toBe("sfu");
    expect(nextMediaPath("sfu", MESH_AT_PARTICIPANTS + 1, false)).toBe("sfu");
    expect(nextMediaPath("sfu", MESH_AT_PARTICIPANTS, false)).toBe("mesh");
    expect(nextMediaPath("mesh", MESH_AT_PARTICIPANTS + 1, false)).toBe("mesh");
  });

  it("a room marked large meeting always goes through the SFU", () => {
    expect(nextMediaPath("mesh", 1, true)).toBe("sfu");
    expect(nextMediaPath("sfu", 0, true)).toBe("sfu");
  });
});
