import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { RunningStack } from "./stack";

const MAX_DOWN_MS = 30_000;
const RESTARTS: Record<string, (stack: RunningStack, downMs: number) => Promise<void>> = {
  "/partykit/restart": (stack, downMs) => stack.restartPartykit(downMs),
  "/janus/restart": (stack, downMs) => stack.restartJanus(downMs),
};

/**
 * Lets a test cause an outage of the test stack's own services, e.g. stop PartyKit or Janus for two seconds mid-call.
 * Loopback only, on a random port handed to the suites as CONFER_STACK_CONTROL_URL.
 */
export async function startControlServer(stack: RunningStack): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const restart = RESTARTS[url.pathname];
    if (request.method !== "POST" || !restart) {
      response.writeHead(404).end();
      return;
    }
    const downMs = Number(url.searchParams.get("downMs") ?? "2000");
    if (!Number.isInteger(downMs) || downMs < 0 || downMs > MAX_DOWN_MS) {
      response.writeHead(400).end(`downMs must be an integer from 0 to ${MAX_DOWN_MS}`);
      return;
    }
    try {
      await restart(stack, downMs);
      response.writeHead(204).end();
    } catch (error) {
      response.writeHead(500).end((error as Error).message);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
