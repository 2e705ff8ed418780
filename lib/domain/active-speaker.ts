/**
 * Who is on stage, from audio levels sampled a few times a second. Hysteresis keeps the stage still:
 * - levels are smoothed, so one loud packet or a cough does not count as speech;
 * - a challenger must out-talk the speaker by SWITCH_MARGIN (~3.5 dB) — or talk while the speaker is silent —
 *   continuously for SWITCH_AFTER_MS before taking over;
 * - when everyone falls silent the last speaker stays; the stage empties only when they leave.
 * Levels are linear, 0 (silence) to 1 (full scale), as WebRTC reports them.
 */

/** ≈ −34 dBov: clearly above a quiet room's noise floor, below normal speech. */
export const SPEAKING_LEVEL = 0.02;
const SWITCH_MARGIN = 1.5;
export const SWITCH_AFTER_MS = 1000;
/** Weight of the newest sample in the smoothed level: at ~4 samples a second, a level settles within a second. */
const SMOOTHING = 0.5;

export type ActiveSpeakerState = {
  readonly speakerId: string | null;
  /** Smoothed level per participant present in the last sample. */
  readonly levels: ReadonlyMap<string, number>;
  /** Whoever currently out-talks the speaker, and since when. */
  readonly challenger: { readonly id: string; readonly since: number } | null;
};

export type AudioLevelSample = {
  /** Milliseconds on any monotonic clock. */
  at: number;
  /** Everyone who can speak right now; anyone missing has left. */
  levels: ReadonlyMap<string, number>;
};

export const initialActiveSpeakerState: ActiveSpeakerState = { speakerId: null, levels: new Map(), challenger: null };

function smooth(previous: ReadonlyMap<string, number>, sample: ReadonlyMap<string, number>): Map<string, number> {
  const smoothed = new Map<string, number>();
  for (const [id, level] of sample) {
    const before = previous.get(id);
    smoothed.set(id, before === undefined ? level : before + SMOOTHING * (level - before));
  }
  return smoothed;
}

function loudestSpeaking(levels: ReadonlyMap<string, number>): string | null {
  let loudest: string | null = null;
  let loudestLevel = SPEAKING_LEVEL;
  for (const [id, level] of levels) {
    if (level >= loudestLevel) {
      loudest = id;
      loudestLevel = level;
    }
  }
  return loudest;
}

export function nextActiveSpeaker(state: ActiveSpeakerState, sample: AudioLevelSample): ActiveSpeakerState {
  const levels = smooth(state.levels, sample.levels);
  const speakerId = state.speakerId !== null && levels.has(state.speakerId) ? state.speakerId : null;
  const loudest = loudestSpeaking(levels);

  if (loudest === null || loudest === speakerId) return { speakerId, levels, challenger: null };
  if (speakerId === null) return { speakerId: loudest, levels, challenger: null };

  const speakerLevel = levels.get(speakerId) ?? 0;
  const outTalks = speakerLevel < SPEAKING_LEVEL || levels.get(loudest)! >= speakerLevel * SWITCH_MARGIN;
  if (!outTalks) return { speakerId, levels, challenger: null };

  const since = state.challenger?.id === loudest ? state.challenger.since : sample.at;
  if (sample.at - since >= SWITCH_AFTER_MS) return { speakerId: loudest, levels, challenger: null };
  return { speakerId, levels, challenger: { id: loudest, since } };
}
