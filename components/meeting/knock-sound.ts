/**
 * A short two-note chime for "someone is waiting", generated with WebAudio (no audio file to ship or load).
 * Quiet and brief: it tells a host to look, the toast and the announcement say who.
 */
let context: AudioContext | null = null;

export function playKnockSound(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
    const start = context.currentTime;
    for (const [index, frequency] of [660, 990].entries()) {
      const oscillator = context.createOscillator();
      const gain = context.createGain();
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      const at = start + index * 0.14;
      gain.gain.setValueAtTime(0.0001, at);
      gain.gain.exponentialRampToValueAtTime(0.15, at + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.13);
      oscillator.connect(gain).connect(context.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.14);
    }
  } catch {
    // No audio output (or autoplay refused): the toast and the announcement still say it.
  }
}
