import "server-only";
import { finalizeIdleRecordings } from "./finalize-idle-recordings";

const SWEEP_INTERVAL_MS = 10_000;

type SweepState = { timer: ReturnType<typeof setInterval> | null; running: boolean };
// On globalThis: Next.js may load this module once per route bundle; one timer per process is enough.
const holder = globalThis as typeof globalThis & { __conferRecordingSweep?: SweepState };

async function tick(state: SweepState): Promise<void> {
  if (state.running) return;
  state.running = true;
  try {
    const sweep = await finalizeIdleRecordings();
    if (sweep.waiting === 0 && state.timer) {
      clearInterval(state.timer);
      state.timer = null;
    }
  } catch (error) {
    console.error("The recordings sweep failed; it runs again in 10 s", error);
  } finally {
    state.running = false;
  }
}

/**
 * Keeps the recordings sweep running in this server process every 10 s while recordings are open, so an abandoned
 * upload is finalized without a cron (`npm run dev` has none). Kicked by the tus endpoint and by the meeting
 * records route; stops by itself when nothing is open; unref'd, so it never keeps a process alive. The cron route
 * (/api/internal/cleanup/recordings) runs the same sweep for deployments that prefer one.
 */
export function kickRecordingSweep(): void {
  const state = (holder.__conferRecordingSweep ??= { timer: null, running: false });
  if (state.timer) return;
  state.timer = setInterval(() => void tick(state), SWEEP_INTERVAL_MS);
  state.timer.unref?.();
}
