/** Below this a microphone is effectively silent; 60 dB of range covers a whisper to a shout. */
const FLOOR_DB = -60;

/**
 * Loudness of one block of PCM samples (−1…1) as a display level, 0 (silence) to 1 (full scale), on a dB
 * scale so that quiet speech still moves the meter visibly.
 */
export function levelFromSamples(samples: Float32Array): number {
  if (samples.length === 0) return 0;
  let sumOfSquares = 0;
  for (const sample of samples) sumOfSquares += sample * sample;
  const rms = Math.sqrt(sumOfSquares / samples.length);
  if (rms === 0) return 0;
  const decibels = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (decibels - FLOOR_DB) / -FLOOR_DB));
}

/**
 * Meters one audio track with an AnalyserNode and reports a level per animation frame. The context may start
 * suspended under the autoplay policy until the page sees a gesture, so it is resumed on the first one.
 * Returns the function that stops metering and releases the audio context (never the track itself).
 */
export function meterAudioLevel(track: MediaStreamTrack, onLevel: (level: number) => void): () => void {
  const context = new AudioContext();
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 1024;
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);

  const resume = () => void context.resume().catch(() => {});
  resume();
  const gestures = ["pointerdown", "keydown"] as const;
  for (const gesture of gestures) document.addEventListener(gesture, resume, { once: true, capture: true });

  let frame = requestAnimationFrame(function tick() {
    analyser.getFloatTimeDomainData(samples);
    onLevel(levelFromSamples(samples));
    frame = requestAnimationFrame(tick);
  });

  return () => {
    cancelAnimationFrame(frame);
    for (const gesture of gestures) document.removeEventListener(gesture, resume, { capture: true });
    source.disconnect();
    void context.close().catch(() => {});
  };
}
