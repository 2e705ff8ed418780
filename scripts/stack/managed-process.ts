import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";

/** Variables added to the parent's environment for a child. */
export type ExtraEnv = Record<string, string | undefined>;

export type ManagedProcess = { name: string; child: ChildProcess; stop: () => Promise<void> };

type StartOptions = {
  name: string;
  command: string;
  args: string[];
  env?: ExtraEnv;
  /** Resolves start() once a stdout line matches; without it, start() resolves at once. */
  readyLine?: RegExp;
  /** Resolves start() once this probe succeeds (polled). */
  readyProbe?: () => Promise<boolean>;
  timeoutMs?: number;
  /** Echo the child's output with a name prefix (dev) or keep it quiet unless it fails (test). */
  echo: boolean;
  /** Folder that receives `<name>.log` with everything the service printed, for diagnosing failures. */
  logDir?: string;
};

const colors = [36, 35, 33, 32, 34, 31];
let nextColor = 0;

/** Spawns a service in its own process group, so stopping it also stops what it spawned (workerd, workers). */
export async function startProcess(options: StartOptions): Promise<ManagedProcess & { readyLine?: string }> {
  const color = colors[nextColor++ % colors.length];
  const prefix = `\x1b[${color}m[${options.name}]\x1b[0m `;
  const child = spawn(options.command, options.args, {
    env: { ...process.env, ...options.env },
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const recent: string[] = [];
  const logFile = options.logDir
    ? (mkdirSync(options.logDir, { recursive: true }), createWriteStream(join(options.logDir, `${options.name}.log`), { flags: "a" }))
    : null;
  child.once("exit", () => logFile?.end());
  // A process's last lines can still be read after it exited (and its log closed): they go to memory only.
  logFile?.on("error", () => {});
  const remember = (line: string) => {
    if (logFile && !logFile.writableEnded) logFile.write(line + "\n");
    recent.push(line);
    if (recent.length > 60) recent.shift();
    if (options.echo) process.stdout.write(prefix + line + "\n");
  };
  const stdoutLines = createInterface({ input: child.stdout! });
  createInterface({ input: child.stderr! }).on("line", remember);

  let exited = false;
  const exitPromise = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));

  const stop = async () => {
    if (exited || child.pid === undefined) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      return;
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, "SIGKILL");
      } catch {
        /* already gone */
      }
    }, 5_000);
    await exitPromise;
    clearTimeout(timer);
  };

  const ready = new Promise<string | undefined>((resolve, reject) => {
    const failEarly = (code: number | null) =>
      reject(new Error(`${options.name} exited (code ${code}) before it was ready:\n${recent.join("\n")}`));
    child.once("exit", failEarly);
    const done = (line?: string) => {
      child.off("exit", failEarly);
      resolve(line);
    };
    stdoutLines.on("line", (line) => {
      remember(line);
      if (options.readyLine?.test(line)) done(line);
    });
    if (options.readyProbe) {
      const poll = async () => {
        if (exited) return;
        if (await options.readyProbe!().catch(() => false)) return done();
        setTimeout(poll, 250);
      };
      void poll();
    } else if (!options.readyLine) done();
  });

  const timeoutMs = options.timeoutMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${options.name} was not ready within ${timeoutMs} ms:\n${recent.join("\n")}`)), timeoutMs);
  });
  try {
    const line = await Promise.race([ready, timeout]);
    return { name: options.name, child, stop, readyLine: line };
  } catch (error) {
    await stop();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}

/** Runs a command to completion, streaming its output; resolves with its exit code. */
export function runCommand(command: string, args: string[], env?: ExtraEnv): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: "inherit" });
    child.once("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
  return response.ok;
}
