import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppOutbox } from "@/party/app-outbox";

type Received = { batchId: string; items: number[] };

let server: Server;
let appUrl: string;
let received: Received[];
/** Status codes for the next requests, in order; 200 once exhausted. */
let replies: number[];

const readBody = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => resolve(body));
  });

beforeEach(async () => {
  received = [];
  replies = [];
  server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as Received;
    const status = replies.shift() ?? 200;
    if (status === 200) received.push(body);
    response.writeHead(status).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const outbox = (flushDelayMs = 60_000) =>
  new AppOutbox<number>({
    appUrl,
    secret: "s".repeat(32),
    path: "/internal",
    body: (batchId, items) => ({ batchId, items }),
    maxBatch: 2,
    flushDelayMs,
    maxQueued: 100,
    log: () => {},
  });

describe("AppOutbox.drain", () => {
  it("resolves at once when nothing is queued", async () => {
    expect(await outbox().drain(10)).toBe(true);
  });

  it("delivers every queued item, across batches and a failed attempt, without waiting for the flush delay", async () => {
    replies = [503];
    const box = outbox();
    box.enqueue(1, 2, 3, 4, 5);
    expect(await box.drain(5_000)).toBe(true);
    expect(box.pending).toBe(0);
    expect(received.flatMap((batch) => batch.items)).toEqual([1, 2, 3, 4, 5]);
  });

  it("gives up after its timeout while the app stays unreachable, keeping the items for later", async () => {
    replies = Array.from({ length: 50 }, () => 503);
    const box = outbox();
    box.enqueue(1);
    const started = Date.now();
    expect(await box.drain(300)).toBe(false);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(box.pending).toBe(1);
    expect(received).toEqual([]);
  });
});

describe("AppOutbox batch size in bytes", () => {
  it("fills each batch up to maxBatchBytes", async () => {
    const box = new AppOutbox<number>({
      appUrl,
      secret: "s".repeat(32),
      path: "/internal",
      body: (batchId, items) => ({ batchId, items }),
      maxBatch: 100,
      // Each item is a 5-digit number: 5 bytes of JSON. Two fit in 12 bytes, three do not.
      maxBatchBytes: 12,
      flushDelayMs: 60_000,
      maxQueued: 100,
      log: () => {},
    });
    box.enqueue(10001, 10002, 10003, 10004, 10005);
    expect(await box.drain(5_000)).toBe(true);
    expect(received.map((batch) => batch.items)).toEqual([[10001, 10002], [10003, 10004], [10005]]);
  });
});
