import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { gzipSync } from "node:zlib";

/**
 * The JavaScript a page's first visit loads, read from a production build's manifests (Next 16, Turbopack):
 * the framework's root chunks (`build-manifest.json` → rootMainFiles) plus the entry chunks of every segment the
 * page renders (its layouts, the page, the global error boundary: `entryJSFiles` of the page's
 * `*_client-reference-manifest.js`). Polyfills are left out (`<script nomodule>`, skipped by current browsers),
 * and so are chunks loaded later by `import()` / `next/dynamic`.
 */
export type PageChunks = { route: string; files: string[] };

export type Sized = { raw: number; gzip: number };

type BuildManifest = { rootMainFiles: string[] };
type ClientReferenceManifest = { entryJSFiles: Record<string, string[]> };

const requireFile = createRequire(import.meta.url);

/** Every app page of the build (API routes and Next's built-in error pages left out), with its first-load chunks. */
export function pageChunks(distDir: string): PageChunks[] {
  const { rootMainFiles } = JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as BuildManifest;
  const appPaths = JSON.parse(readFileSync(join(distDir, "server", "app-paths-manifest.json"), "utf8")) as Record<string, string>;
  const pages = Object.keys(appPaths).filter((entry) => entry.endsWith("/page") && !entry.startsWith("/_"));
  return pages.sort().map((entry) => {
    const manifestPath = join(distDir, "server", "app", `${entry}_client-reference-manifest.js`);
    const holder = globalThis as { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> };
    holder.__RSC_MANIFEST = {};
    requireFile(manifestPath);
    const manifest = holder.__RSC_MANIFEST[entry];
    if (!manifest) throw new Error(`${manifestPath} has no entry for ${entry}`);
    const files = new Set(rootMainFiles);
    for (const chunks of Object.values(manifest.entryJSFiles)) for (const file of chunks) files.add(file);
    const route = entry.replace(/\/page$/, "") || "/";
    return { route, files: [...files].filter((file) => file.endsWith(".js")) };
  });
}

/** Raw and gzip sizes of one build file; gzip at zlib's default level, as `next start` compresses responses. */
export function fileSize(distDir: string, file: string, cache = new Map<string, Sized>()): Sized {
  const known = cache.get(file);
  if (known) return known;
  const path = join(distDir, file);
  if (!existsSync(path)) throw new Error(`${path} is listed in a manifest but missing`);
  const bytes = readFileSync(path);
  const sized = { raw: bytes.length, gzip: gzipSync(bytes).length };
  cache.set(file, sized);
  return sized;
}

export function totalSize(distDir: string, files: string[], cache?: Map<string, Sized>): Sized {
  return files.reduce(
    (sum, file) => {
      const { raw, gzip } = fileSize(distDir, file, cache);
      return { raw: sum.raw + raw, gzip: sum.gzip + gzip };
    },
    { raw: 0, gzip: 0 },
  );
}

export function rootMainFiles(distDir: string): string[] {
  return (JSON.parse(readFileSync(join(distDir, "build-manifest.json"), "utf8")) as BuildManifest).rootMainFiles;
}

export const kilobytes = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
