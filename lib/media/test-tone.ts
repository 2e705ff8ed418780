import { routeAudioOutput } from "./audio-output";

const TONE_MS = 900;

/**
 * Plays a short two-note chime on one speaker (`""`: the system default), so a person can check which device
 * they will hear the meeting on. Resolves when it has finished.
 */
export async function playTestTone(speakerId: string): Promise<void> {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const gain = context.createGain();
  gain.connect(destination);
  const now = context.currentTime;
  gain.gain.setValueAtTime(0, now);
  gain.gain.linearRampToValueAtTime(0.25, now + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.001, now + TONE_MS / 1000);
  for (const [frequency, start] of [
    [660, 0],
    [880, 0.18],
  ] as const) {
    const oscillator = context.createOscillator();
    oscillator.frequency.value = frequency;
    oscillator.connect(gain);
    oscillator.start(now + start);
    oscillator.stop(now + TONE_MS / 1000);
  }
  // Through an element, because only media elements can be routed to a chosen output device.
  const audio = new Audio();
  audio.srcObject = destination.stream;
  await routeAudioOutput(audio, speakerId);
  try {
    await audio.play();
    await new Promise((resolve) => setTimeout(resolve, TONE_MS));
  } finally {
    audio.pause();
    audio.srcObject = null;
    await context.close();
  }
}
