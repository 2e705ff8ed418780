/**
 * Copies the media effects' model and wasm files from node_modules into public/media-models/, so Next.js serves
 * them as static files. Runs before `dev` and `build` (the test stack calls copyMediaAssets itself).
 */
import { copyMediaAssets, mediaAssets } from "./media-assets";

const copied = copyMediaAssets();
console.log(`media assets: ${copied} copied, ${mediaAssets.length - copied} up to date in public/media-models/`);
