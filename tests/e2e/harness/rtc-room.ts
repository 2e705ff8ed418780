import { bundleForBrowser } from "../support/browser-bundle";
import type { Browser, BrowserContext, Page } from "@playwright/test";
import { rtcSignalSchema } from "../../../lib/signaling/rtc-signal";
import type { StartOptions } from "./rtc-harness";

/** localhost is a secure context, so getUserMedia works on pages served from here by page.route. */
const ORIGIN = "http://localhost:9";
export const HARNESS_PAGE = '<!doctype html><html><body><script src="/harness.js"></script></body></html>';

export function bundleHarness(): Promise<string> {
  return bundleForBrowser(new URL("./rtc-harness.ts", import.meta.url));
}

export type Participant = { id: string; page: Page; context: BrowserContext };

/**
 * One browser context per participant (pages sharing a context render at ~1 fps), with signals relayed
 * through Node in order per recipient, each one checked against the wire schema on the way.
 */
export class RtcRoom {
  readonly participants = new Map<string, Participant>();
  readonly relayFailures: string[] = [];
  largestSdp = 0;
  /** Descriptions relayed so far, by type, e.g. to wait until both sides of a glare have offered. */
  readonly descriptionsRelayed = { offer: 0, answer: 0 };
  private readonly deliveries = new Map<string, Promise<void>>();
  private gate: Promise<void> = Promise.resolve();
  private openGate: (() => void) | null = null;

  /** `servedAt`: an origin that serves the page (`/`, `/harness.js`) itself, e.g. beside an upload endpoint. */
  constructor(
    private readonly browser: Browser,
    private readonly harnessBundle: string,
    private readonly servedAt?: string,
  ) {}

  async join(options: Omit<StartOptions, "iceServers"> & { iceServers?: RTCIceServer[] }): Promise<Participant> {
    const context = await this.browser.newContext();
    const page = await context.newPage();
    page.on("pageerror", (error) => this.relayFailures.push(`${options.selfId} page error: ${error.message}`));
    if (!this.servedAt) {
      await page.route(`${ORIGIN}/**`, (route) =>
        route.request().url().endsWith("/harness.js")
          ? route.fulfill({ contentType: "text/javascript", body: this.harnessBundle })
          : route.fulfill({ contentType: "text/html", body: HARNESS_PAGE }),
      );
    }
    await context.exposeBinding("sendSignal", (_source, from: string, to: string, signal: unknown) => this.relay(from, to, signal));
    await page.goto(`${this.servedAt ?? ORIGIN}/`);
    await page.evaluate((start) => window.harness.start(start), { iceServers: [], ...options });
    const participant = { id: options.selfId, page, context };
    this.participants.set(options.selfId, participant);
    return participant;
  }

  /** Holds every signal until release(), so offers sent meanwhile are sure to cross. */
  hold(): void {
    this.gate = new Promise((resolve) => (this.openGate = resolve));
  }

  release(): void {
    this.openGate?.();
    this.openGate = null;
  }

  /** Lets an existing page take part under another id, as when someone leaves and joins again. */
  /** The page rejoins under a new id; its old id is gone, so late signals to or from it are dropped. */
  rename(participant: Participant, id: string): void {
    this.participants.delete(participant.id);
    participant.id = id;
    this.participants.set(id, participant);
  }

  async close(): Promise<void> {
    await Promise.all([...this.participants.values()].map(({ context }) => context.close()));
    this.participants.clear();
  }

  private relay(from: string, to: string, raw: unknown): void {
    const parsed = rtcSignalSchema.safeParse(raw);
    if (!parsed.success) {
      this.relayFailures.push(`${from}→${to}: ${parsed.error.message}`);
      return;
    }
    const signal = parsed.data;
    if (signal.kind === "description") {
      this.largestSdp = Math.max(this.largestSdp, signal.description.sdp.length);
      this.descriptionsRelayed[signal.description.type] += 1;
    }
    const page = this.participants.get(to)?.page;
    if (!page) return;
    const gate = this.gate;
    // Like the signaling server, deliver only between participants who are still there at delivery time.
    const stillPresent = () => this.participants.get(to)?.page === page && this.participants.has(from);
    const delivered = (this.deliveries.get(to) ?? Promise.resolve())
      .then(() => gate)
      .then(() =>
        stillPresent() ? page.evaluate(([fromId, message]) => window.harness.receive(fromId, message), [from, signal] as const) : undefined,
      )
      .catch((error: unknown) => {
        if (!page.isClosed()) this.relayFailures.push(`${from}→${to}: ${String(error)}`);
      });
    this.deliveries.set(to, delivered);
  }
}
