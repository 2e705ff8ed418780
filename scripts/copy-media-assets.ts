/**
 * Copies the media effects' model and wasm files from node_modules into public/media-models/ (gitignored), so
 * Next.js serves them as static files. Runs before `dev` and `build`; offline, it only copies files.
 */
import { copyFileSync, mkdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { mediaAssets, nodeModules, publicMediaModels } from "./media-assets";

let copied = 0;
for (const asset of mediaAssets) {
  const [source, target] = [join(nodeModules, asset.from), join(publicMediaModels, asset.to)];
  const unchanged = (() => {
    try {
      const [a, b] = [statSync(source), statSync(target)];
      return a.size === b.size && a.mtimeMs <= b.mtimeMs;
    } catch {
      return false;
    }
  })();
  if (unchanged) continue;
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(source, target);
  copied += 1;
}
console.log(`media assets: ${copied} copied, ${mediaAssets.length - copied} up to date in public/media-models/`);
