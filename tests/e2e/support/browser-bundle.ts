import { fileURLToPath } from "node:url";
import { build } from "esbuild";

/**
 * One script for a test page or a classic worker: `entry` and everything it imports as an IIFE (no imports left),
 * for the Chromium the tests run. `alias` swaps modules that must not reach a browser bundle.
 */
export async function bundleForBrowser(entry: URL, alias?: Record<string, string>): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "chrome120",
    logLevel: "error",
    alias,
  });
  return result.outputFiles[0]!.text;
}
