"use client";

import { useEffect } from "react";
import { toQualitySample } from "@/lib/domain/quality-sample";
import { MAX_PEERS_PER_SAMPLES_MESSAGE, type ClientMessage } from "@/lib/signaling";
import { type PeerStats, qualityReport } from "@/lib/meeting-client/state/local-quality";

/** Others see each person's connection on their tile; five seconds keeps it current at a trivial message rate. */
export const QUALITY_REPORT_INTERVAL_MS = 5000;

/**
 * Every 5 s: the `quality` summary (live view: tiles, the host's participants panel) and the per-peer
 * `quality-samples` the party forwards to analytics. Both come from the sampler's latest 2-s interval per peer.
 */
export function useQualityReports(active: boolean, readStats: () => readonly (PeerStats & { peerId: string })[], send: (message: ClientMessage) => boolean) {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      const peers = readStats();
      const report = qualityReport(peers);
      if (report) send({ type: "quality", ...report });
      const samples = peers
        .slice(0, MAX_PEERS_PER_SAMPLES_MESSAGE)
        .map(({ peerId, rating, summary }) => ({ peerId, ...toQualitySample(summary, rating.quality) }));
      if (samples.length > 0) send({ type: "quality-samples", samples });
    }, QUALITY_REPORT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [active, readStats, send]);
}
