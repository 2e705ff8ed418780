import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { pageChunks, totalSize } from "../../../bench/bundle/page-chunks";

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function write(root: string, path: string, text: string) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A build folder shaped like Next 16's (Turbopack) output, with two pages, an API route and Next's error page. */
function fakeBuild(): string {
  const root = mkdtempSync(join(tmpdir(), "confer-page-chunks-"));
  folders.push(root);
  write(root, "build-manifest.json", JSON.stringify({ polyfillFiles: ["static/chunks/polyfill.js"], rootMainFiles: ["static/chunks/react.js", "static/chunks/router.js"] }));
  write(
    root,
    "server/app-paths-manifest.json",
    JSON.stringify({ "/_not-found/page": "x", "/rooms/[slug]/page": "x", "/page": "x", "/api/health/route": "x" }),
  );
  const manifest = (entry: string, entryJSFiles: Record<string, string[]>) =>
    `globalThis.__RSC_MANIFEST = globalThis.__RSC_MANIFEST || {};\nglobalThis.__RSC_MANIFEST[${JSON.stringify(entry)}] = ${JSON.stringify({ clientModules: {}, entryJSFiles })};`;
  write(root, "server/app/rooms/[slug]/page_client-reference-manifest.js", manifest("/rooms/[slug]/page", { "[project]/app/layout": ["static/chunks/layout.js"], "[project]/app/rooms/[slug]/page": ["static/chunks/layout.js", "static/chunks/room.js", "static/chunks/room.css"] }));
  write(root, "server/app/page_client-reference-manifest.js", manifest("/page", { "[project]/app/layout": ["static/chunks/layout.js"], "[project]/app/page": ["static/chunks/home.js"] }));
  for (const [name, text] of [["react", "a".repeat(5000)], ["router", "b".repeat(3000)], ["layout", "c".repeat(100)], ["room", "room();".repeat(400)], ["home", "home();"], ["polyfill", "p"]])
    write(root, `static/chunks/${name}.js`, text!);
  return root;
}

describe("pageChunks", () => {
  it("gives each app page the framework's root chunks plus its segments' entry chunks, without API routes, Next's own pages, polyfills or CSS", () => {
    const root = fakeBuild();
    expect(pageChunks(root)).toEqual([
      { route: "/", files: ["static/chunks/react.js", "static/chunks/router.js", "static/chunks/layout.js", "static/chunks/home.js"] },
      { route: "/rooms/[slug]", files: ["static/chunks/react.js", "static/chunks/router.js", "static/chunks/layout.js", "static/chunks/room.js"] },
    ]);
  });

  it("sums raw bytes and gzip bytes at zlib's default level", () => {
    const root = fakeBuild();
    const room = pageChunks(root).find((page) => page.route === "/rooms/[slug]")!;
    const gzip = ["a".repeat(5000), "b".repeat(3000), "c".repeat(100), "room();".repeat(400)].reduce((sum, text) => sum + gzipSync(text).length, 0);
    expect(totalSize(root, room.files)).toEqual({ raw: 5000 + 3000 + 100 + 2800, gzip });
  });
});
