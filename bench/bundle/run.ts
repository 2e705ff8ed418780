/**
 * The JavaScript each page loads on a first visit, raw and gzip, from a production build (issue 11, "bundle diet").
 *
 *   npx tsx bench/bundle/run.ts [--dist-dir .next-bench]                read an existing build (`.next`: npm run build's)
 *   flock /tmp/confer-stack.lock npx tsx bench/bundle/run.ts --build    build first (into --dist-dir)
 *   flock /tmp/confer-stack.lock npx tsx bench/bundle/run.ts --browser  build, start the stack on the bench ports,
 *                                                                       and check the figures against Chromium
 *
 * The figures come from the build's manifests (bench/bundle/page-chunks.ts): the framework's root chunks plus the
 * entry chunks of the page's segments, gzip at zlib's default level. Lazily loaded chunks (`import()`,
 * `next/dynamic`) are not counted: they are not on the first paint's path. --browser loads some pages in
 * Chromium, each in a fresh context (empty cache), and lists, per page, the JS downloaded before `load` against the manifest's list,
 * and what came after (idle-time preloads of lazily loaded parts).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { copyMediaAssets } from "../../scripts/media-assets";
import { startBenchStack } from "../support/bench-stack";
import { machineDescription } from "../support/machine";
import { browserDownloads, type Download } from "./browser-check";
import { kilobytes, pageChunks, type PageChunks, rootMainFiles, type Sized, totalSize } from "./page-chunks";

const { values } = parseArgs({
  options: {
    "dist-dir": { type: "string", default: ".next-bench" },
    build: { type: "boolean", default: false },
    browser: { type: "boolean", default: false },
  },
});
const distDir = resolve(values["dist-dir"]);
const load = () => loadavg().map((value) => value.toFixed(2)).join(" ");
const sizes = new Map<string, Sized>();

function build() {
  copyMediaAssets();
  // Collecting page data imports server modules that read DATABASE_URL; nothing connects during the build.
  const env = { ...process.env, NEXT_DIST_DIR: values["dist-dir"], NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://build@127.0.0.1:1/none" };
  execFileSync(join("node_modules", ".bin", "next"), ["build"], { env, stdio: ["ignore", "ignore", "inherit"] });
}

function printPages(pages: PageChunks[]) {
  const framework = totalSize(distDir, rootMainFiles(distDir), sizes);
  console.log(`bundle: first-load JS per page (${distDir}), gzip at zlib's default level`);
  console.log(`  framework (root chunks, every page): ${kilobytes(framework.raw)} raw, ${kilobytes(framework.gzip)} gzip`);
  console.log(`  ${"page".padEnd(28)} ${"raw".padStart(10)} ${"gzip".padStart(10)}  chunks`);
  for (const page of pages) {
    const { raw, gzip } = totalSize(distDir, page.files, sizes);
    console.log(`  ${page.route.padEnd(28)} ${kilobytes(raw).padStart(10)} ${kilobytes(gzip).padStart(10)}  ${page.files.length}`);
  }
}

function printBrowserCheck(pages: PageChunks[], downloads: Map<string, Download[]>) {
  console.log("\nChromium (fresh context per page): JS downloaded per page, bytes on the wire");
  for (const [route, files] of downloads) {
    const expected = new Set(pages.find((page) => page.route === route)?.files ?? []);
    const beforeLoad = files.filter((file) => file.beforeLoad);
    const later = files.filter((file) => !file.beforeLoad);
    const wire = (list: Download[]) => kilobytes(list.reduce((sum, file) => sum + file.wireBytes, 0));
    const unexpected = beforeLoad.filter((file) => !expected.has(file.file)).map((file) => file.file);
    const missing = [...expected].filter((file) => !files.some((download) => download.file === file));
    const manifest = totalSize(distDir, [...expected], sizes);
    console.log(`  ${route.padEnd(28)} by load: ${beforeLoad.length} files, ${wire(beforeLoad)} (manifest: ${expected.size} files, ${kilobytes(manifest.gzip)} gzip)`);
    if (unexpected.length > 0) console.log(`    not in the manifest's list: ${unexpected.join(", ")}`);
    if (missing.length > 0) console.log(`    in the manifest's list, not downloaded: ${missing.join(", ")}`);
    if (later.length > 0) console.log(`    after load (lazy parts, preloads): ${later.length} files, ${wire(later)}`);
  }
}

console.log(`machine: ${machineDescription()}; load average ${load()}; ${new Date().toISOString()}`);
if (values.browser) {
  const dataDir = mkdtempSync(join(tmpdir(), "confer-bench-db-"));
  // The stack builds the app itself (test mode) into the dist dir it is given.
  const stack = await startBenchStack(dataDir, values["dist-dir"]);
  try {
    const pages = pageChunks(distDir);
    printPages(pages);
    printBrowserCheck(pages, await browserDownloads(stack.urls.app));
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
} else {
  if (values.build) build();
  printPages(pageChunks(distDir));
}
console.log(`load average at the end: ${load()}`);
