import { afterEach, describe, expect, it, vi } from "vitest";
import { BURST_WINDOW_MS, burstText, NoticeBurst } from "@/lib/meeting-client/notice-burst";
import type { Notice } from "@/lib/meeting-client/state/meeting-notices";

const joined = (name: string): Notice => ({ text: `${name} joined`, toast: "info", burst: { kind: "joined", name } });
const left = (name: string): Notice => ({ text: `${name} left`, toast: "info", burst: { kind: "left", name } });

afterEach(() => vi.useRealTimers());

describe("NoticeBurst", () => {
  it("names one, two or three people, then counts the rest", () => {
    expect(burstText("joined", ["Ann"])).toBe("Ann joined");
    expect(burstText("joined", ["Ann", "Ben"])).toBe("Ann and Ben joined");
    expect(burstText("left", ["Ann", "Ben", "Cat"])).toBe("Ann, Ben and Cat left");
    expect(burstText("joined", ["Ann", "Ben", "Cat", "Dan", "Eve"])).toBe("Ann, Ben and 3 others joined");
  });

  it("tells the first arrival at once and the rest of a burst together when it is over", () => {
    vi.useFakeTimers();
    const told: Notice[] = [];
    const burst = new NoticeBurst((notice) => told.push(notice));
    burst.push(joined("Ann"));
    for (const name of ["Ben", "Cat", "Dan", "Eve"]) burst.push(joined(name));
    burst.push(left("Zed"));
    burst.push({ text: "Ann raised their hand", toast: "info" });
    expect(told.map((notice) => notice.text)).toEqual(["Ann joined", "Zed left", "Ann raised their hand"]);
    vi.advanceTimersByTime(BURST_WINDOW_MS);
    expect(told.map((notice) => notice.text)).toEqual(["Ann joined", "Zed left", "Ann raised their hand", "Ben, Cat and 2 others joined"]);
    // A later arrival, after the burst, is told on its own again.
    burst.push(joined("Fay"));
    expect(told.at(-1)?.text).toBe("Fay joined");
  });

  it("a quiet window tells nothing more, and flush tells what is held", () => {
    vi.useFakeTimers();
    const told: Notice[] = [];
    const burst = new NoticeBurst((notice) => told.push(notice));
    burst.push(joined("Ann"));
    vi.advanceTimersByTime(BURST_WINDOW_MS);
    expect(told).toHaveLength(1);
    burst.push(left("Ben"));
    burst.push(left("Cat"));
    burst.flush();
    expect(told.map((notice) => notice.text)).toEqual(["Ann joined", "Ben left", "Cat left"]);
  });
});
