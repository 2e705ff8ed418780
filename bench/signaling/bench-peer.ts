import WebSocket from "ws";
import { PROTOCOL_VERSION, type RtcSignal, type WelcomeMessage } from "../../lib/signaling";

export type PeerCounters = { sent: number; received: number; errors: number };

/**
 * One participant as a bare WebSocket: joins, then relays ICE-candidate-sized signals to one other participant.
 * The send time (performance.now(), same process as the receiver) rides in the candidate's usernameFragment.
 */
export class BenchPeer {
  participantId = "";
  private timer: NodeJS.Timeout | undefined;
  private sequence = 0;

  private constructor(
    private readonly socket: WebSocket,
    private readonly counters: PeerCounters,
    private readonly onLatency: (ms: number) => void,
  ) {
    socket.on("message", (data) => this.receive(data.toString()));
    socket.on("error", () => (counters.errors += 1));
  }

  /** Resolves once the room has welcomed this peer. */
  static join(url: string, counters: PeerCounters, onLatency: (ms: number) => void, timeoutMs: number): Promise<BenchPeer> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, { perMessageDeflate: false });
      const peer = new BenchPeer(socket, counters, onLatency);
      const timer = setTimeout(() => fail(new Error("no welcome in time")), timeoutMs);
      const fail = (error: Error) => {
        clearTimeout(timer);
        socket.terminate();
        reject(error);
      };
      socket.once("error", fail);
      socket.once("unexpected-response", (_request, response) => fail(new Error(`upgrade refused: HTTP ${response.statusCode}`)));
      socket.once("open", () => socket.send(JSON.stringify({ type: "hello", v: PROTOCOL_VERSION })));
      socket.on("message", function onWelcome(data) {
        const message = JSON.parse(data.toString()) as { type: string };
        if (message.type !== "welcome") return;
        socket.off("message", onWelcome);
        clearTimeout(timer);
        peer.participantId = (message as WelcomeMessage).self.id;
        resolve(peer);
      });
    });
  }

  /** Sends `perSecond` signals to `to`, starting at a random phase so that peers do not send in lockstep. */
  startSending(to: string, perSecond: number): void {
    const intervalMs = 1000 / perSecond;
    const send = () => {
      const payload: RtcSignal = {
        kind: "candidate",
        candidate: {
          candidate: `candidate:${this.sequence++} 1 udp 2122260223 192.0.2.10 ${50_000 + (this.sequence % 10_000)} typ host generation 0`,
          sdpMid: "0",
          sdpMLineIndex: 0,
          usernameFragment: performance.now().toFixed(3),
        },
      };
      this.socket.send(JSON.stringify({ type: "signal", to, payload }));
      this.counters.sent += 1;
    };
    this.timer = setTimeout(() => {
      send();
      this.timer = setInterval(send, intervalMs);
    }, Math.random() * intervalMs);
  }

  stopSending(): void {
    clearTimeout(this.timer);
    clearInterval(this.timer);
  }

  terminate(): void {
    this.stopSending();
    this.socket.terminate();
  }

  private receive(raw: string): void {
    const message = JSON.parse(raw) as { type: string; payload?: RtcSignal };
    if (message.type === "signal" && message.payload?.kind === "candidate") {
      this.counters.received += 1;
      this.onLatency(performance.now() - Number(message.payload.candidate.usernameFragment));
    } else if (message.type === "error") {
      this.counters.errors += 1;
    }
  }
}
