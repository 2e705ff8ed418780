import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { bundleForBrowser } from "../support/browser-bundle";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { mintJanusToken } from "../../../lib/sfu/janus-token";
import type { RunningJanus } from "./janus";
import type { SfuStartOptions } from "./sfu-harness";

const stub = fileURLToPath(new URL("../../../lib/rtc/sfu/janode-browser-stub.ts", import.meta.url));

/** The harness page with janode bundled for the browser (its Unix-socket transport stubbed out, as in the app). */
export function bundleSfuHarness(): Promise<string> {
  return bundleForBrowser(new URL("./sfu-harness.ts", import.meta.url), { "unix-dgram": stub, buffer: stub, fs: stub });
}

/**
 * Serves the harness page from a real loopback server: Chromium's local network access checks block a page
 * that page.route made up (no address) from opening a WebSocket to Janus on 127.0.0.1.
 */
export async function serveSfuHarness(bundle: string): Promise<{ origin: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const script = request.url === "/harness.js";
    response.writeHead(200, { "content-type": script ? "text/javascript" : "text/html" });
    response.end(script ? bundle : '<!doctype html><html><body><script src="/harness.js"></script></body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { origin: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

export type SfuParticipant = { id: string; page: Page; context: BrowserContext };

/** Participants in one Janus room, one browser context each; each page talks to Janus directly. */
export class SfuRoom {
  readonly participants = new Map<string, SfuParticipant>();
  readonly pageErrors: string[] = [];

  constructor(
    private readonly browser: Browser,
    private readonly origin: string,
    private readonly janus: RunningJanus,
    readonly room: string,
  ) {}

  /** `tokenSeconds`: the first token's lifetime; later ones (renewals) last ten minutes. */
  async join(selfId: string, video: SfuStartOptions["video"], { audio = true, tokenSeconds = 600 }: { audio?: boolean; tokenSeconds?: number } = {}): Promise<SfuParticipant> {
    const context = await this.browser.newContext();
    const mint = (ttlSeconds: number) => {
      const { token, expiresAt } = mintJanusToken({ secret: this.janus.access.tokenSecret, ttlSeconds });
      return { token, expiresAt: expiresAt.toISOString() };
    };
    await context.exposeBinding("mintSfuToken", () => mint(600));
    const page = await context.newPage();
    page.on("pageerror", (error) => this.pageErrors.push(`${selfId}: ${error.message}`));
    await page.goto(`${this.origin}/`);
    const first = mint(tokenSeconds);
    const options: SfuStartOptions = { url: this.janus.url, room: this.room, token: first.token, tokenExpiresAt: first.expiresAt, renew: true, selfId, video, audio };
    await page.evaluate((start) => window.sfu.start(start), options);
    const participant = { id: selfId, page, context };
    this.participants.set(selfId, participant);
    return participant;
  }

  async leave(participant: SfuParticipant): Promise<void> {
    await participant.page.evaluate(() => window.sfu.close());
    await participant.context.close();
    this.participants.delete(participant.id);
  }

  async close(): Promise<void> {
    await Promise.all([...this.participants.values()].map(({ context }) => context.close()));
    this.participants.clear();
  }
}
