import type { ConnectionQuality } from "./connection-quality";

/**
 * What to suggest to a participant whose own connection stays poor, and when. Pure: the caller passes the
 * time and what it knows about the call each time quality is re-rated (every stats interval), keeps the
 * returned state, and shows `suggestion` when it is not null.
 *
 * - A suggestion appears only after quality has been `poor` for POOR_FOR_MS without a break (issue 5: "stays
 *   poor ≥ 10 s"); `lost` is the reconnect banner's business and, like any better level, restarts the clock.
 * - Which one: a CPU-limited encoder means the machine, not the network → "close other apps" (lowers our own
 *   capture); otherwise, while we send video, turning it off frees the most uplink → "turn off video";
 *   otherwise, while we receive video, dropping it frees the downlink → "audio only".
 * - No nagging: after one is shown, nothing more for COOLDOWN_MS; a suggestion the user applied or
 *   dismissed is not offered again in this meeting. When nothing is left to suggest, none is shown.
 */

export type QualitySuggestion = "close-other-apps" | "turn-off-video" | "audio-only";

export const POOR_FOR_MS = 10_000;
export const COOLDOWN_MS = 120_000;

export type SuggestionInput = {
  now: number;
  /** The participant's own worst connection level over its peers. */
  quality: ConnectionQuality;
  /** Our encoder reports `qualityLimitationReason: "cpu"` on some outbound video. */
  cpuLimited: boolean;
  sendingVideo: boolean;
  receivingVideo: boolean;
};

export type SuggestionState = {
  poorSince: number | null;
  lastShownAt: number | null;
  /** Suggestions already applied or dismissed: never offered twice in one meeting. */
  spent: readonly QualitySuggestion[];
};

export const initialSuggestionState: SuggestionState = { poorSince: null, lastShownAt: null, spent: [] };

function pick(input: SuggestionInput, spent: readonly QualitySuggestion[]): QualitySuggestion | null {
  const candidates: QualitySuggestion[] = [];
  if (input.cpuLimited && input.sendingVideo) candidates.push("close-other-apps");
  if (input.sendingVideo) candidates.push("turn-off-video");
  if (input.receivingVideo) candidates.push("audio-only");
  return candidates.find((candidate) => !spent.includes(candidate)) ?? null;
}

export function nextSuggestion(
  state: SuggestionState,
  input: SuggestionInput,
): { state: SuggestionState; suggestion: QualitySuggestion | null } {
  if (input.quality !== "poor") return { state: { ...state, poorSince: null }, suggestion: null };
  const poorSince = state.poorSince ?? input.now;
  const held = { ...state, poorSince };
  if (input.now - poorSince < POOR_FOR_MS) return { state: held, suggestion: null };
  if (state.lastShownAt !== null && input.now - state.lastShownAt < COOLDOWN_MS) return { state: held, suggestion: null };
  const suggestion = pick(input, state.spent);
  if (!suggestion) return { state: held, suggestion: null };
  return { state: { ...held, lastShownAt: input.now }, suggestion };
}

/** The user applied or dismissed a suggestion: it is not offered again in this meeting. */
export function spendSuggestion(state: SuggestionState, suggestion: QualitySuggestion): SuggestionState {
  return state.spent.includes(suggestion) ? state : { ...state, spent: [...state.spent, suggestion] };
}
