/**
 * An S3-compatible server for the test stack (s3rver on loopback, data in a folder the caller owns), so the suite
 * runs the S3 storage driver against a real S3 API. s3rver's built-in account is S3RVER / S3RVER; it checks the
 * access key but does not verify SigV4 signatures.
 *
 *   tsx scripts/services/s3-server.ts --port 4578 --directory /tmp/confer-s3 --bucket confer-test
 *
 * Prints `s3rver listening on http://127.0.0.1:<port>` once it listens; SIGINT/SIGTERM stop it.
 */
import { mkdirSync } from "node:fs";
import { createRequire } from "node:module";
import type { Server } from "node:http";
import { parseArgs } from "node:util";
import { z } from "zod";

// s3rver ships no types; this is the part of it used here (kept local rather than a global declaration).
type S3rverOptions = { port: number; address: string; directory: string; silent: boolean; configureBuckets: { name: string; configs: string[] }[] };
type S3rverInstance = { run(): Promise<unknown>; close(): Promise<void>; httpServer?: Server };
const S3rver = createRequire(import.meta.url)("s3rver") as new (options: S3rverOptions) => S3rverInstance;

const { values } = parseArgs({ options: { port: { type: "string" }, directory: { type: "string" }, bucket: { type: "string" } }, strict: true });
if (!values.port || !values.directory || !values.bucket) {
  console.error("usage: tsx scripts/services/s3-server.ts --port N --directory D --bucket B");
  process.exit(2);
}
const port = z.coerce.number().int().min(1).max(65_535).parse(values.port);
const { directory, bucket } = values;

mkdirSync(directory, { recursive: true });
const server = new S3rver({ port, address: "127.0.0.1", directory, silent: true, configureBuckets: [{ name: bucket, configs: [] }] });
await server.run();
console.log(`s3rver listening on http://127.0.0.1:${port}`);

const stop = () => {
  // Clients' keep-alive sockets (Next.js, tests) would hold close() open until they time out.
  server.httpServer?.closeAllConnections();
  server.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
