import { afterEach, describe, expect, it, vi } from "vitest";
import { TypedEmitter } from "@/lib/rtc/typed-emitter";

type Events = { count: number; name: string };

describe("TypedEmitter", () => {
  afterEach(() => vi.useRealTimers());

  it("delivers events to their listeners until they unsubscribe", () => {
    const emitter = new TypedEmitter<Events>();
    const counts: number[] = [];
    const unsubscribe = emitter.on("count", (value) => counts.push(value));
    emitter.emit("count", 1);
    emitter.emit("name", "ignored");
    unsubscribe();
    emitter.emit("count", 2);
    expect(counts).toEqual([1]);
  });

  it("keeps notifying the other listeners when one throws, and surfaces the error asynchronously", async () => {
    const emitter = new TypedEmitter<Events>();
    const seen: string[] = [];
    emitter.on("name", () => {
      throw new Error("listener bug");
    });
    emitter.on("name", (name) => seen.push(name));
    const uncaught = new Promise<unknown>((resolve) => process.once("uncaughtException", resolve));
    emitter.emit("name", "alice");
    expect(seen).toEqual(["alice"]);
    expect(await uncaught).toMatchObject({ message: "listener bug" });
  });

  it("forgets every listener on clear", () => {
    const emitter = new TypedEmitter<Events>();
    const listener = vi.fn();
    emitter.on("count", listener);
    emitter.clear();
    emitter.emit("count", 1);
    expect(listener).not.toHaveBeenCalled();
  });
});
