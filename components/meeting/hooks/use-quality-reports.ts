"use client";

import { useEffect } from "react";
import type { ClientMessage } from "@/lib/signaling";
import { type PeerStats, qualityReport } from "@/components/meeting/state/local-quality";

/** Others see each person's connection on their tile; five seconds keeps it current at a trivial message rate. */
export const QUALITY_REPORT_INTERVAL_MS = 5000;

export function useQualityReports(active: boolean, readStats: () => readonly PeerStats[], send: (message: ClientMessage) => boolean) {
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => {
      const report = qualityReport(readStats());
      if (report) send({ type: "quality", ...report });
    }, QUALITY_REPORT_INTERVAL_MS);
    return () => clearInterval(timer);
  }, [active, readStats, send]);
}
