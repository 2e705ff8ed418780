/**
 * Chat-file pipeline throughput, per storage driver: what the upload route does after its checks (spool the body
 * through the counting/hashing stream to a temp file, detect the type from the bytes, store the blob) and what a
 * download does (read it back, whole and as a 1 MiB range). HTTP, the session and PartyKit's presence answer are
 * left out: they cost the same for any file size.
 *
 *   npx tsx --conditions=react-server bench/files/run.ts [--sizes 1,25] [--rounds 5]
 *
 * Starts s3rver (scripts/services/s3-server.ts) on the bench port with its data in a temp folder, and a local-disk
 * store in another; both folders are deleted at the end.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { Readable } from "node:stream";
import { parseArgs } from "node:util";
import { fileTypeFromFile } from "file-type";
import { benchPorts } from "../../lib/config/ports";
import { spoolUpload } from "../../lib/server/files/spool-upload";
import type { BlobStorage } from "../../lib/server/storage/blob-storage";
import { LocalDiskStorage } from "../../lib/server/storage/local-disk-storage";
import { S3Storage } from "../../lib/server/storage/s3-storage";
import { machineDescription, percentile } from "../support/machine";

const { values } = parseArgs({ options: { sizes: { type: "string", default: "1,25" }, rounds: { type: "string", default: "5" } } });
const sizesMiB = values.sizes.split(",").map(Number);
const rounds = Math.max(1, Number(values.rounds));

const s3Dir = mkdtempSync(join(tmpdir(), "confer-bench-s3-"));
const localDir = mkdtempSync(join(tmpdir(), "confer-bench-files-"));
const bucket = "confer-bench";
const s3rver = spawn("node_modules/.bin/tsx", ["scripts/services/s3-server.ts", "--port", String(benchPorts.s3), "--directory", s3Dir, "--bucket", bucket], {
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  createInterface({ input: s3rver.stdout! }).on("line", (line) => line.startsWith("s3rver listening on ") && resolve());
  s3rver.once("exit", (code) => reject(new Error(`s3rver exited (${code})`)));
});

const drivers: [string, BlobStorage][] = [
  ["local", new LocalDiskStorage(localDir)],
  [
    "s3 (s3rver)",
    new S3Storage({ endpoint: `http://127.0.0.1:${benchPorts.s3}`, region: "us-east-1", bucket, accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true }),
  ],
];

async function drain(body: ReadableStream<Uint8Array>): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of Readable.fromWeb(body as import("node:stream/web").ReadableStream<Uint8Array>)) hash.update(chunk as Uint8Array);
  return hash.digest("hex");
}

const mibPerSecond = (bytes: number, ms: number) => bytes / 2 ** 20 / (ms / 1000);
const median = (values: number[]) => percentile([...values].sort((a, b) => a - b), 50);

console.log(`machine: ${machineDescription()}; load average at start ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
console.log("driver        size   upload (spool+type+store)   download whole   1 MiB range   sha256 ok");
try {
  for (const sizeMiB of sizesMiB) {
    // A PDF header so type detection does real work; the rest is random (incompressible).
    const bytes = Buffer.concat([Buffer.from("%PDF-1.4\n"), randomBytes(sizeMiB * 2 ** 20 - 9)]);
    const expected = createHash("sha256").update(bytes).digest("hex");
    for (const [name, storage] of drivers) {
      const upload: number[] = [];
      const whole: number[] = [];
      const range: number[] = [];
      let intact = true;
      for (let round = 0; round < rounds; round += 1) {
        const key = `bench/${randomBytes(8).toString("hex")}`;
        let started = performance.now();
        const spooled = await spoolUpload(Readable.toWeb(Readable.from([bytes])) as ReadableStream<Uint8Array>, bytes.length);
        const type = await fileTypeFromFile(spooled.path);
        if (type?.mime !== "application/pdf") throw new Error(`type detection said ${type?.mime}`);
        const stored = await storage.put(key, createReadStream(spooled.path), spooled.size);
        upload.push(performance.now() - started);
        await spooled.discard();
        intact &&= stored.sha256 === expected;

        started = performance.now();
        intact &&= (await drain((await storage.get(key))!.body)) === expected;
        whole.push(performance.now() - started);

        started = performance.now();
        await drain((await storage.get(key, { start: 0, end: 2 ** 20 - 1 }))!.body);
        range.push(performance.now() - started);
        await storage.delete(key);
      }
      const size = bytes.length;
      console.log(
        `${name.padEnd(13)} ${`${sizeMiB} MiB`.padEnd(6)} ${`${median(upload).toFixed(0)} ms (${mibPerSecond(size, median(upload)).toFixed(0)} MiB/s)`.padEnd(27)} ${`${median(whole).toFixed(0)} ms (${mibPerSecond(size, median(whole)).toFixed(0)} MiB/s)`.padEnd(16)} ${`${median(range).toFixed(1)} ms`.padEnd(13)} ${intact}`,
      );
    }
  }
  console.log(`medians of ${rounds} rounds; load average at end ${loadavg().map((value) => value.toFixed(2)).join(" ")}`);
} finally {
  s3rver.kill("SIGTERM");
  rmSync(localDir, { recursive: true, force: true });
  await new Promise((resolve) => s3rver.once("exit", resolve));
  rmSync(s3Dir, { recursive: true, force: true });
}
