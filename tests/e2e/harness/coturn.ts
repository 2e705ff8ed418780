import { spawn, type ChildProcess } from "node:child_process";
import { createHmac, randomBytes, randomInt } from "node:crypto";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { createServer, connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const TURNSERVER_PATH = "/usr/bin/turnserver";

export type RunningCoturn = {
  port: number;
  /** TURN credentials in coturn's REST scheme, valid for an hour. */
  iceServer: (userId: string) => RTCIceServer;
  /** Stops the process; `start()` again brings a fresh one up on the same port and secret. */
  stop: () => Promise<void>;
  start: () => Promise<void>;
  dispose: () => Promise<void>;
};

async function freeTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function waitForListening(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.destroy();
        resolve(true);
      });
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`coturn did not listen on ${port} within ${timeoutMs} ms`);
}

/** A throwaway coturn on 127.0.0.1 with a random port, relay port range and shared secret. */
export async function startCoturn(): Promise<RunningCoturn> {
  const port = await freeTcpPort();
  const minPort = 40_000 + randomInt(0, 400) * 50;
  const secret = randomBytes(24).toString("hex");
  const workDir = mkdtempSync(join(tmpdir(), "confer-coturn-"));
  const args = [
    "-n", "--no-cli", "--no-tls", "--no-dtls", "--fingerprint",
    "--listening-ip=127.0.0.1", "--relay-ip=127.0.0.1", `--listening-port=${port}`,
    `--min-port=${minPort}`, `--max-port=${minPort + 49}`,
    "--use-auth-secret", `--static-auth-secret=${secret}`, "--realm=confer.test",
    // Loopback peers are refused by default ("403 Forbidden IP"); here both browsers are on loopback.
    "--allow-loopback-peers",
    `--pidfile=${join(workDir, "turnserver.pid")}`, `--userdb=${join(workDir, "turndb")}`,
    `--log-file=${join(workDir, "turn.log")}`, "--simple-log",
  ];
  let child: ChildProcess | null = null;

  const start = async () => {
    child = spawn(TURNSERVER_PATH, args, { stdio: "ignore" });
    await waitForListening(port, 5000);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGTERM");
    await exited;
  };
  await start();
  return {
    port,
    iceServer: (userId) => {
      const username = `${Math.floor(Date.now() / 1000) + 3600}:${userId}`;
      const credential = createHmac("sha1", secret).update(username).digest("base64");
      return { urls: [`turn:127.0.0.1:${port}?transport=udp`], username, credential };
    },
    stop,
    start,
    dispose: async () => {
      await stop();
      rmSync(workDir, { recursive: true, force: true });
    },
  };
}

export const coturnMissingReason = existsSync(TURNSERVER_PATH) ? null : `${TURNSERVER_PATH} is missing (apt-get install coturn)`;
