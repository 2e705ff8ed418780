import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer } from "node:net";
import { join } from "node:path";

/** A port the OS just handed out, so runs never collide with the dev (1999) or test (2999) stacks. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

export const randomSecret = () => randomBytes(32).toString("hex");

export type PartykitDevOptions = {
  port: number;
  secret: string;
  /** Room storage folder (kept across restarts of this server), or false for in-memory storage. */
  persist: string | false;
  /** Extra lines of output to keep for error messages. */
  onOutput?: (line: string) => void;
};

export type PartykitDev = {
  url: string;
  child: ChildProcess;
  /** The last lines it printed, for explaining a failure. */
  recentOutput: () => string;
  /** SIGTERM by default; SIGKILL simulates a crash (no chance to flush anything). */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
};

async function healthy(url: string): Promise<boolean> {
  try {
    // Bounded: a request accepted while workerd is still starting can otherwise hang for undici's 300 s and
    // stall the loop past its deadline (seen once under load as a 60 s hook timeout).
    return (await fetch(new URL("/parties/main/health", url), { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

/**
 * Starts `partykit dev` from the repository root in its own process group (it spawns workerd), and resolves once
 * the party answers its health check. `stop` ends the whole group.
 */
export async function startPartykitDev(options: PartykitDevOptions, timeoutMs = 45_000): Promise<PartykitDev> {
  const url = `http://127.0.0.1:${options.port}`;
  const args = [
    "dev",
    "--port",
    String(options.port),
    "--no-hotkeys",
    "--disable-request-cf-fetch",
    "--persist",
    options.persist === false ? "false" : options.persist,
    // `--var` takes several values, so it stays last.
    "--var",
    `PARTY_SECRET=${options.secret}`,
  ];
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "partykit"), args, { detached: true, stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  const remember = (chunk: Buffer) => {
    for (const raw of chunk.toString().split("\n")) {
      // Its log redraws lines with terminal escapes and notes every upgrade; keep the words that can explain a failure.
      const line = raw.replace(/\x1b\[[0-9;]*[A-Za-z]/g, "").trim();
      if (line === "" || line.includes("101 Switching Protocols")) continue;
      output.push(line);
      if (output.length > 60) output.shift();
      options.onOutput?.(line);
    }
  };
  child.stdout?.on("data", remember);
  child.stderr?.on("data", remember);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-child.pid!, signal);
      return true;
    } catch {
      return false;
    }
  };
  // The whole group: partykit dev restarts workerd when it dies, and a workerd draining thousands of sockets may
  // outlive its parent.
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.pid === undefined || !signalGroup(signal)) return;
    const force = setTimeout(() => signalGroup("SIGKILL"), 5_000);
    await exited;
    for (let waited = 0; signalGroup(0) && waited < 5_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
    signalGroup("SIGKILL");
    clearTimeout(force);
  };

  const deadline = Date.now() + timeoutMs;
  while (!(await healthy(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`partykit dev on port ${options.port} did not become healthy:\n${output.join("\n")}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, child, stop, recentOutput: () => output.join("\n") };
}
