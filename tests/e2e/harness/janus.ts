import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { JANUS_BINARY, JANUS_READY_LINE, janusArgs, writeJanusConfig } from "../../../scripts/stack/janus-config";
import type { JanusAccess } from "../../../lib/sfu/janus-session";

export { JANUS_BINARY };

export type RunningJanus = { url: string; access: JanusAccess; pid: number; stop: () => Promise<void> };

/** A Janus of the spec's own (port and RTP range given), configured as the stacks configure theirs. */
export async function startJanus(wsPort: number, rtpPorts: [number, number]): Promise<RunningJanus> {
  const folder = mkdtempSync(join(tmpdir(), "confer-janus-spec-"));
  const access: JanusAccess = { tokenSecret: randomBytes(24).toString("base64url"), adminKey: randomBytes(24).toString("base64url"), tokenTtlSeconds: 600 };
  writeJanusConfig({ folder, wsPort, rtpPorts, tokenSecret: access.tokenSecret, adminKey: access.adminKey, bindIp: "127.0.0.1" });
  const child = spawn(JANUS_BINARY, janusArgs(folder), { stdio: ["ignore", "pipe", "pipe"] });
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`janus did not start:\n${output.slice(-20).join("")}`)), 15_000);
    child.stdout!.on("data", (chunk: Buffer) => {
      output.push(chunk.toString());
      if (JANUS_READY_LINE.test(chunk.toString())) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on("exit", (code) => reject(new Error(`janus exited (${code}):\n${output.slice(-20).join("")}`)));
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
    rmSync(folder, { recursive: true, force: true });
  };
  return { url: `ws://127.0.0.1:${wsPort}`, access, pid: child.pid!, stop };
}
