import { describe, expect, it } from "vitest";
import { parseEmailList } from "@/lib/domain/email-list";
import { createRoomInputSchema, listRoomsQuerySchema, updateRoomInputSchema } from "@/lib/domain/room-input";
import { roomSlug } from "@/lib/domain/room-slug";

describe("room input", () => {
  it("trims names, defaults visibility and lower-cases invites", () => {
    const input = createRoomInputSchema.parse({ name: "  Stand-up  ", invites: ["Bob@Corp.TEST"] });
    expect(input).toMatchObject({ name: "Stand-up", visibility: "ORG", invites: ["bob@corp.test"] });
  });

  it.each([
    [{ name: "" }, "name"],
    [{ name: "x".repeat(81) }, "name"],
    [{ name: "ok", visibility: "PUBLIC" }, "visibility"],
    [{ name: "ok", invites: ["not-an-email"] }, "invites"],
    [{ name: "ok", expiresAt: "2000-01-01T00:00:00Z" }, "expiresAt"],
  ])("rejects %j at %s", (body, field) => {
    const result = createRoomInputSchema.safeParse(body);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path[0]).toBe(field);
  });

  it("requires at least one known field in an update", () => {
    expect(updateRoomInputSchema.safeParse({}).success).toBe(false);
    expect(updateRoomInputSchema.safeParse({ ownerId: "me" }).success).toBe(false);
    expect(updateRoomInputSchema.safeParse({ name: "New" }).success).toBe(true);
  });

  it("bounds list page sizes", () => {
    expect(listRoomsQuerySchema.parse({}).limit).toBe(20);
    expect(listRoomsQuerySchema.safeParse({ limit: "1000" }).success).toBe(false);
  });
});

describe("room slug", () => {
  it("is readable kebab case with the suffix", () => {
    expect(roomSlug("Équipe Design — Weekly!", "ab12")).toBe("equipe-design-weekly-ab12");
  });
  it("falls back when the name has no letters", () => {
    expect(roomSlug("🎉🎉", "ab12")).toBe("room-ab12");
  });
  it("stays short", () => {
    expect(roomSlug("a".repeat(200), "ab12").length).toBeLessThanOrEqual(45);
  });
});

describe("email list", () => {
  it("splits on commas, spaces and new lines and removes repeats", () => {
    expect(parseEmailList("a@x.test, B@x.test\nb@x.test;  c@x.test ")).toEqual(["a@x.test", "b@x.test", "c@x.test"]);
  });
});
