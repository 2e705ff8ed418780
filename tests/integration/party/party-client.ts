import { randomUUID } from "node:crypto";
import WebSocket from "ws";
import { signJoinToken, type JoinIdentityInput } from "@/lib/join-token";
import { INTERNAL_AUDIENCES, signInternalRequest } from "@/lib/internal-api/internal-signature";
import { PARTY_CONTROL_SUFFIX, partyPresenceSchema, type PartyPresence } from "@/lib/internal-api/party-control";
import { PROTOCOL_VERSION, parseServerMessage, type ServerMessage, type WelcomeMessage } from "@/lib/signaling";

function requiredEnv(name: "CONFER_PARTYKIT_URL" | "PARTY_SECRET"): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set. Start \`npx partykit dev --port 2999 --var PARTY_SECRET=<secret>\` and run with ` +
        "CONFER_PARTYKIT_URL=http://127.0.0.1:2999 PARTY_SECRET=<same secret>.",
    );
  }
  return value;
}

export const partykitUrl = requiredEnv("CONFER_PARTYKIT_URL");
export const partySecret = requiredEnv("PARTY_SECRET");

/** Each test gets its own room so files and tests can run in parallel against one server. */
export const freshRoomId = () => `it-${randomUUID()}`;

/** Which PartyKit server a client talks to, and the secret it signs join tokens with. */
export type Server = { url: string; secret: string };
const sharedServer: Server = { url: partykitUrl, secret: partySecret };

/** The room's answer to the app's signed presence question (what the upload route asks before storing a file). */
export async function partyPresence(roomId: string, userId: string, server: Server = sharedServer): Promise<PartyPresence> {
  const body = JSON.stringify({ action: "presence", userId });
  const response = await fetch(new URL(`/parties/main/${encodeURIComponent(roomId)}${PARTY_CONTROL_SUFFIX}`, server.url), {
    method: "POST",
    headers: { "content-type": "application/json", authorization: await signInternalRequest(body, server.secret, INTERNAL_AUDIENCES.party) },
    body,
  });
  if (!response.ok) throw new Error(`presence: HTTP ${response.status}`);
  return partyPresenceSchema.parse(await response.json());
}

export function tokenFor(
  roomId: string,
  identity: Partial<JoinIdentityInput> = {},
  options: { secret?: string; now?: Date } = {},
): Promise<string> {
  return signJoinToken(
    { userId: `user-${randomUUID()}`, name: "Test Person", role: "participant", ...identity, roomId },
    options.secret ?? partySecret,
    { ttlSeconds: 30, now: options.now },
  );
}

export function roomSocketUrl(roomId: string, query: Record<string, string> = {}, baseUrl = partykitUrl): string {
  const url = new URL(`/parties/main/${roomId}`, baseUrl);
  url.protocol = url.protocol === "https:" ? "wss:" : "ws:";
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

export class UpgradeRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`upgrade refused with HTTP ${status}: ${body}`);
  }
}

export type MessageOfType<T extends ServerMessage["type"]> = Extract<ServerMessage, { type: T }>;

export type JoinOptions = {
  /** A previous welcome's resume token. */
  resume?: string;
  server?: Server;
};

/** A raw `ws` client that validates every server frame and lets a test await messages by type. */
export class PartyClient {
  private readonly inbox: ServerMessage[] = [];
  private wake: () => void = () => {};
  readonly closed: Promise<{ code: number; reason: string }>;

  private constructor(readonly socket: WebSocket) {
    socket.on("message", (data) => {
      const parsed = parseServerMessage(data.toString());
      if (!parsed.ok) throw new Error(`server sent an invalid frame: ${parsed.error.message}`);
      this.inbox.push(parsed.message);
      this.wake();
    });
    this.closed = new Promise((resolve) => socket.once("close", (code, reason) => resolve({ code, reason: reason.toString() })));
  }

  static open(url: string, headers: Record<string, string> = {}): Promise<PartyClient> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { headers });
      socket.once("open", () => resolve(new PartyClient(socket)));
      socket.once("error", reject);
      socket.once("unexpected-response", (_request, response) => {
        let body = "";
        response.on("data", (chunk: Buffer) => (body += chunk.toString()));
        response.on("end", () => reject(new UpgradeRefused(response.statusCode ?? 0, body)));
      });
    });
  }

  /** Connects with a fresh join token (as every reconnection must) and sends hello, resuming if asked. */
  static async connect(roomId: string, identity: Partial<JoinIdentityInput> = {}, options: JoinOptions = {}): Promise<PartyClient> {
    const server = options.server ?? sharedServer;
    const token = await tokenFor(roomId, identity, { secret: server.secret });
    const client = await PartyClient.open(roomSocketUrl(roomId, { token }, server.url));
    client.send({ type: "hello", v: PROTOCOL_VERSION, ...(options.resume ? { resume: options.resume } : {}) });
    return client;
  }

  /** Connects and completes the handshake. */
  static async join(
    roomId: string,
    identity: Partial<JoinIdentityInput> = {},
    options: JoinOptions = {},
  ): Promise<{ client: PartyClient; welcome: WelcomeMessage }> {
    const client = await PartyClient.connect(roomId, identity, options);
    const welcome = await client.next("welcome");
    return { client, welcome };
  }

  send(message: object | string | Buffer): void {
    this.socket.send(typeof message === "object" && !Buffer.isBuffer(message) ? JSON.stringify(message) : message);
  }

  /** Removes and returns the first received message of `type` (that `matches`), waiting for it if needed. */
  async next<T extends ServerMessage["type"]>(
    type: T,
    matches: (message: MessageOfType<T>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<MessageOfType<T>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const index = this.inbox.findIndex((message) => message.type === type && matches(message as MessageOfType<T>));
      if (index >= 0) return this.inbox.splice(index, 1)[0] as MessageOfType<T>;
      const remaining = deadline - Date.now();
      if (remaining <= 0) throw new Error(`no matching ${type} within ${timeoutMs} ms; inbox: ${JSON.stringify(this.inbox).slice(0, 800)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Removes and returns everything of `type` received so far. */
  drain<T extends ServerMessage["type"]>(type: T): MessageOfType<T>[] {
    const matching = this.inbox.filter((message): message is MessageOfType<T> => message.type === type);
    this.inbox.splice(0, this.inbox.length, ...this.inbox.filter((message) => message.type !== type));
    return matching;
  }

  /** Waits a moment for stragglers, then returns every message of `type` received so far. */
  async settled<T extends ServerMessage["type"]>(type: T, waitMs = 300): Promise<MessageOfType<T>[]> {
    await new Promise((resolve) => setTimeout(resolve, waitMs));
    return this.drain(type);
  }

  /** A deliberate departure: `leave`, then the server closes the socket. */
  async leave(): Promise<void> {
    if (this.socket.readyState === WebSocket.OPEN) this.send({ type: "leave" });
    await this.close();
  }

  /** Ends the socket with a close handshake, as a browser closing the tab does. */
  async close(): Promise<void> {
    if (this.socket.readyState !== WebSocket.CLOSED) this.socket.close();
    await this.closed;
  }

  /** A network failure: the TCP connection is destroyed without a close frame. */
  async drop(): Promise<void> {
    this.socket.terminate();
    await this.closed;
  }
}

/** The HTTP status with which the server refused the WebSocket upgrade. */
export async function refusalStatus(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string }> {
  try {
    const client = await PartyClient.open(url, headers);
    await client.close();
  } catch (error) {
    if (error instanceof UpgradeRefused) return { status: error.status, body: error.body };
    throw error;
  }
  throw new Error(`expected the upgrade to ${url} to be refused, but it was accepted`);
}

/** Collects clients a test opened and makes them leave afterwards, so rooms do not linger in reconnection grace. */
export function clientRegistry() {
  const open: PartyClient[] = [];
  return {
    track<T extends { client: PartyClient } | PartyClient>(opened: T): T {
      open.push(opened instanceof PartyClient ? opened : opened.client);
      return opened;
    },
    async leaveAll(): Promise<void> {
      await Promise.all(open.splice(0).map((client) => client.leave()));
    },
  };
}
