import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import type { Actor } from "@/lib/domain/actor";
import { type RecordingUploadDeps, handleRecordingUpload } from "@/lib/server/recordings/handle-recording-upload";

/** How the test's network treats a PATCH: delivered, lost before the app, cut mid-body, or its answer lost. */
export type PatchFate = "deliver" | "fail-before" | "cut-mid-body" | "lose-response";

export type TusHarness = {
  endpoint: string;
  /** What happened to each PATCH, in order. */
  fates: PatchFate[];
  close(): Promise<void>;
};

/** Reads at most `limit` bytes of a body, then errors, as a connection dropping mid-request does. */
function cutAfter(req: IncomingMessage, limit: number): ReadableStream<Uint8Array> {
  let passed = 0;
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      for await (const chunk of req as AsyncIterable<Buffer>) {
        const room = limit - passed;
        if (room <= 0) break;
        const piece = chunk.subarray(0, room);
        passed += piece.length;
        controller.enqueue(new Uint8Array(piece));
      }
      controller.error(new Error("connection dropped (injected)"));
    },
  });
}

function toWebRequest(req: IncomingMessage, origin: string, body: ReadableStream<Uint8Array> | null): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (body ?? (Readable.toWeb(req) as ReadableStream<Uint8Array>)) : null,
    duplex: "half",
  } as RequestInit);
}

async function send(res: ServerResponse, response: Response): Promise<void> {
  res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
  if (response.body) for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk);
  res.end();
}

/**
 * Serves the app's tus handler (the production code, in-process) over real HTTP for tus-js-client, as the signed-in
 * `actor`. `fateOf` decides, per PATCH, what the network does to it: failures are injected here, never in the app.
 */
export async function serveTus(actor: Actor, deps: RecordingUploadDeps, fateOf: (patchIndex: number) => PatchFate = () => "deliver"): Promise<TusHarness> {
  const fates: PatchFate[] = [];
  let origin = "";
  const server: Server = createServer((req, res) => {
    void (async () => {
      const fate = req.method === "PATCH" ? fateOf(fates.length) : "deliver";
      if (req.method === "PATCH") fates.push(fate);
      if (fate === "fail-before") {
        req.resume();
        res.writeHead(503, { "content-type": "text/plain" }).end("injected failure\n");
        return;
      }
      const half = Math.floor(Number(req.headers["content-length"] ?? 0) / 2);
      const response = await handleRecordingUpload(actor, toWebRequest(req, origin, fate === "cut-mid-body" ? cutAfter(req, half) : null), deps);
      if (fate === "cut-mid-body" || fate === "lose-response") {
        await response.body?.cancel();
        res.socket?.destroy();
        return;
      }
      await send(res, response);
    })().catch((error) => {
      console.error("tus harness", error);
      res.socket?.destroy();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    endpoint: `${origin}/api/recordings/upload`,
    fates,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
