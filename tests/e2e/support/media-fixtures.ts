import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/**
 * Fake camera and microphone files for the effects tests, made at test time from Debian packages (nothing
 * binary is committed) and cached in test-results/media-fixtures/ so they are made once per machine.
 *
 * Debian packages: ffmpeg (y4m, wav), sox (pink noise, mixing), espeak-ng (speech), apt + dpkg-deb to fetch the
 * public-domain NASA astronaut photo that python3-skimage ships (downloaded, not installed).
 */

export const fixtureTools = ["/usr/bin/ffmpeg", "/usr/bin/sox", "/usr/bin/espeak-ng", "/usr/bin/apt-get", "/usr/bin/dpkg-deb"];
export const fixtureDebianPackages = ["ffmpeg", "sox", "espeak-ng"];

const cacheDir = join(process.cwd(), "test-results", "media-fixtures");

export type MediaFixtures = {
  /** 640×360, 30 fps, the astronaut photo cropped to 16:9. */
  camera: string;
  /** The same with RGB × 0.25: a dim room. */
  darkCamera: string;
  /** 1280×720, 30 fps (benchmarks). */
  cameraHd: string;
  darkCameraHd: string;
  /** 48 kHz mono: speech with gaps, pink noise 10 dB under the speech's level throughout. */
  noisyMic: string;
  /** Only the speech, for reference. */
  cleanSpeech: string;
};

/** Why the fixtures cannot be made here, or null. */
export function fixturesMissingReason(): string | null {
  const missing = fixtureTools.filter((tool) => !existsSync(tool));
  return missing.length ? `media fixtures need ${missing.join(", ")} (apt-get install -y ${fixtureDebianPackages.join(" ")})` : null;
}

const run = (command: string, args: string[], cwd = cacheDir) => execFileSync(command, args, { cwd, stdio: ["ignore", "pipe", "pipe"] });

/** Writes `name` through a temporary file, so an interrupted build never leaves a truncated fixture behind. */
function once(name: string, make: (target: string) => void): string {
  const target = join(cacheDir, name);
  if (existsSync(target)) return target;
  const partial = join(cacheDir, `partial-${name}`);
  make(partial);
  renameSync(partial, target);
  return target;
}

function astronaut(): string {
  return once("astronaut.png", (target) => {
    run("apt-get", ["download", "-qq", "python3-skimage"]);
    const deb = execFileSync("sh", ["-c", "ls python3-skimage_*.deb | head -1"], { cwd: cacheDir }).toString().trim();
    const png = execFileSync("sh", ["-c", `dpkg-deb --fsys-tarfile '${deb}' | tar -xO ./usr/lib/python3/dist-packages/skimage/data/astronaut.png`], {
      cwd: cacheDir,
      maxBuffer: 64 * 1024 * 1024,
    });
    writeFileSync(target, png);
  });
}

function camera(name: string, width: number, height: number, dark: boolean): string {
  const photo = astronaut();
  // Scale to the width, crop the 16:9 band with the face; dark: every channel × 0.25.
  const filters = [`scale=${width}:${width}`, `crop=${width}:${height}:0:${Math.round(width / 32)}`, ...(dark ? ["lutrgb=r=val*0.25:g=val*0.25:b=val*0.25"] : []), "format=yuv420p"];
  return once(name, (target) =>
    run("ffmpeg", ["-v", "error", "-y", "-loop", "1", "-framerate", "30", "-i", photo, "-vf", filters.join(","), "-frames:v", "30", "-f", "yuv4mpegpipe", target]),
  );
}

function speech(): string {
  return once("speech.wav", (target) => {
    const sentences = [
      "The quarterly review starts at nine.",
      "Please send the slides before the meeting.",
      "We will discuss the budget and the hiring plan.",
    ];
    const parts: string[] = [];
    sentences.forEach((sentence, index) => {
      const raw = join(cacheDir, `sentence-${index}.wav`);
      run("espeak-ng", ["-v", "en-us", "-s", "150", "-w", raw, sentence]);
      const part = join(cacheDir, `sentence-${index}-48k.wav`);
      // Each sentence followed by 1.5 s of silence: the gaps where the noise floor is measured.
      run("sox", [raw, "-r", "48000", "-c", "1", "-b", "16", part, "pad", "0.5", "1.5"]);
      parts.push(part);
    });
    run("sox", [...parts, "-t", "wav", target, "norm", "-3"]);
  });
}

/** The RMS amplitude sox's `stat` effect prints (on stderr) for `args`. */
function rmsOf(args: string[]): number {
  const output = spawnSync("sox", [...args, "stat"], { encoding: "utf8" }).stderr;
  const rms = Number(/RMS\s+amplitude:\s+([\d.]+)/.exec(output)?.[1]);
  if (!Number.isFinite(rms) || rms <= 0) throw new Error(`sox stat gave no RMS: ${output}`);
  return rms;
}

function noisyMic(clean: string): string {
  return once("noisy-mic.wav", (target) => {
    // Speech level: the RMS with the silences cut out (over the whole file it would include the gaps).
    const speechRms = rmsOf([clean, "-n", "silence", "1", "0.05", "1%", "-1", "0.1", "1%"]);
    const duration = Number(run("soxi", ["-D", clean]).toString().trim());
    const noise = join(cacheDir, "pink.wav");
    run("sox", ["-n", "-r", "48000", "-c", "1", "-b", "16", noise, "synth", String(duration), "pinknoise"]);
    const noiseRms = rmsOf([noise, "-n"]);
    // 10 dB SNR: noise RMS = speech RMS / √10.
    const noiseGain = speechRms / Math.sqrt(10) / noiseRms;
    run("sox", ["-m", "-v", "1", clean, "-v", noiseGain.toFixed(4), noise, "-b", "16", target]);
    writeFileSync(join(cacheDir, "noisy-mic.json"), JSON.stringify({ speechRms, noiseRms: noiseRms * noiseGain, snrDb: 10 }));
  });
}

export function buildMediaFixtures(): MediaFixtures {
  mkdirSync(cacheDir, { recursive: true });
  const cleanSpeech = speech();
  return {
    camera: camera("camera-640x360.y4m", 640, 360, false),
    darkCamera: camera("camera-640x360-dark.y4m", 640, 360, true),
    cameraHd: camera("camera-1280x720.y4m", 1280, 720, false),
    darkCameraHd: camera("camera-1280x720-dark.y4m", 1280, 720, true),
    noisyMic: noisyMic(cleanSpeech),
    cleanSpeech,
  };
}

/** The noisy microphone's design figures (speech RMS and noise RMS, linear). */
export const noisyMicFigures = (): { speechRms: number; noiseRms: number; snrDb: number } =>
  JSON.parse(readFileSync(join(cacheDir, "noisy-mic.json"), "utf8"));
