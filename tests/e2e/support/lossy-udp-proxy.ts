import { createSocket, type RemoteInfo, type Socket } from "node:dgram";

/**
 * A lossy network path for e2e tests: a UDP forwarder on 127.0.0.1 that sits in front of a real server (coturn)
 * and drops a share of the datagrams in each direction. Every client address gets its own upstream socket, so the
 * server sees one distinct 5-tuple per client (one TURN allocation each), as it would behind a NAT.
 *
 * Drops are decided by a seeded PRNG, one stream per direction: the n-th datagram of a direction is dropped in
 * every run with the same seed. (Which datagram is n-th still depends on the browsers' timing.)
 */

export type Direction = "toUpstream" | "toClient";
export type DropRates = Record<Direction, number>;
export type DirectionCounts = { forwarded: number; dropped: number };

/** mulberry32: a tiny, well-distributed 32-bit PRNG; `seed` fixes the whole sequence. Returns values in [0, 1). */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function checkRate(rate: number): number {
  if (!Number.isFinite(rate) || rate < 0 || rate > 1) throw new RangeError(`drop rate must be within [0, 1], got ${rate}`);
  return rate;
}

/**
 * The drop decision, separate from the sockets so it can be unit-tested: per direction a PRNG stream and a rate
 * that may change during the run (a test turns loss on once the call is up), and the counts of what was done.
 */
export class DropPolicy {
  private readonly random: Record<Direction, () => number>;
  private readonly rates: DropRates = { toUpstream: 0, toClient: 0 };
  private readonly counts: Record<Direction, DirectionCounts> = {
    toUpstream: { forwarded: 0, dropped: 0 },
    toClient: { forwarded: 0, dropped: 0 },
  };

  constructor(seed: number, rates: Partial<DropRates> = {}) {
    // Distinct streams per direction: one direction's traffic never shifts the other's sequence.
    this.random = { toUpstream: seededRandom(seed), toClient: seededRandom(seed ^ 0x5bd1e995) };
    this.setRates(rates);
  }

  setRates(rates: Partial<DropRates>): void {
    for (const direction of ["toUpstream", "toClient"] as const) {
      const rate = rates[direction];
      if (rate !== undefined) this.rates[direction] = checkRate(rate);
    }
  }

  /** True when this datagram must be dropped; counts it either way. The PRNG advances only while a rate is set. */
  drop(direction: Direction): boolean {
    const rate = this.rates[direction];
    const dropped = rate > 0 && this.random[direction]() < rate;
    this.counts[direction][dropped ? "dropped" : "forwarded"] += 1;
    return dropped;
  }

  /** Counts since the last reset (or the start). */
  stats(): Record<Direction, DirectionCounts> {
    return { toUpstream: { ...this.counts.toUpstream }, toClient: { ...this.counts.toClient } };
  }

  resetCounts(): void {
    for (const direction of ["toUpstream", "toClient"] as const) this.counts[direction] = { forwarded: 0, dropped: 0 };
  }
}

export type LossyUdpProxyOptions = {
  upstream: { host: string; port: number };
  seed: number;
  rates?: Partial<DropRates>;
  /** Per-client upstream sockets idle this long are closed (TURN refreshes every few minutes keep real ones busy). */
  idleMs?: number;
};

export type LossyUdpProxy = {
  host: string;
  port: number;
  policy: DropPolicy;
  /** Client addresses seen so far (ip:port). */
  clients: () => string[];
  close: () => Promise<void>;
};

type Client = { socket: Socket; lastSeen: number };

/**
 * The proxy lives in the Playwright worker, whose event loop stalls while it drives three browsers: with the
 * default 208 KiB buffers the kernel drops datagrams meanwhile (UDP RcvbufErrors), loss the test did not ask for.
 * 4 MiB is the usual net.core.rmem_max; the kernel clamps a larger request to it.
 */
const SOCKET_BUFFER_BYTES = 4 * 1024 * 1024;
const udpSocket = () => createSocket({ type: "udp4", recvBufferSize: SOCKET_BUFFER_BYTES, sendBufferSize: SOCKET_BUFFER_BYTES });

export async function startLossyUdpProxy({ upstream, seed, rates, idleMs = 120_000 }: LossyUdpProxyOptions): Promise<LossyUdpProxy> {
  const policy = new DropPolicy(seed, rates);
  const listener = udpSocket();
  const clients = new Map<string, Client>();

  const clientFor = (from: RemoteInfo): Client => {
    const key = `${from.address}:${from.port}`;
    const existing = clients.get(key);
    if (existing) return existing;
    const socket = udpSocket();
    socket.on("message", (message) => {
      if (policy.drop("toClient")) return;
      listener.send(message, from.port, from.address);
    });
    // A client that went away (ICMP unreachable on loopback) must not bring the proxy down.
    socket.on("error", () => undefined);
    socket.bind(0, "127.0.0.1");
    const client = { socket, lastSeen: Date.now() };
    clients.set(key, client);
    return client;
  };

  listener.on("message", (message, from) => {
    const client = clientFor(from);
    client.lastSeen = Date.now();
    if (policy.drop("toUpstream")) return;
    client.socket.send(message, upstream.port, upstream.host);
  });
  listener.on("error", () => undefined);

  await new Promise<void>((resolve, reject) => {
    listener.once("error", reject);
    listener.bind(0, "127.0.0.1", () => {
      listener.off("error", reject);
      resolve();
    });
  });
  const sweep = setInterval(() => {
    const now = Date.now();
    for (const [key, client] of clients) {
      if (now - client.lastSeen < idleMs) continue;
      client.socket.close();
      clients.delete(key);
    }
  }, Math.min(idleMs, 10_000));
  sweep.unref();

  return {
    host: "127.0.0.1",
    port: listener.address().port,
    policy,
    clients: () => [...clients.keys()],
    close: async () => {
      clearInterval(sweep);
      await Promise.all([...clients.values()].map(({ socket }) => new Promise<void>((resolve) => socket.close(() => resolve()))));
      clients.clear();
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    },
  };
}
