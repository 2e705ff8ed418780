"use client";

import { useEffect, useState } from "react";
import type { PeerStats } from "@/lib/meeting-client/state/local-quality";
import { connectionFigures } from "@/components/meeting/state/connection-figures";

const REFRESH_MS = 2000;

type Props = {
  readStats: () => readonly (PeerStats & { peerId: string })[];
  nameOf: (peerId: string) => string;
};

/** Per connection, what is really sent and received (resolution, frame rate, bitrate), refreshed while shown. */
export function ConnectionDetails({ readStats, nameOf }: Props) {
  const [stats, setStats] = useState(readStats);
  useEffect(() => {
    const timer = setInterval(() => setStats(readStats()), REFRESH_MS);
    return () => clearInterval(timer);
  }, [readStats]);
  return (
    <section aria-labelledby="connection-details-heading" className="space-y-2">
      <h3 id="connection-details-heading" className="text-sm font-semibold text-fg">
        Connection
      </h3>
      {stats.length === 0 ? <p className="text-sm text-fg-muted">No one else is connected yet.</p> : null}
      <ul className="space-y-2" aria-label="Connections">
        {stats.map(({ peerId, summary }) => {
          const figures = connectionFigures(summary);
          return (
            <li key={peerId} data-testid="connection-figures" data-peer-id={peerId} className="rounded-md border border-line p-2 text-sm">
              <p className="font-medium">{nameOf(peerId)}</p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-3 text-fg-muted">
                <dt>Sent</dt>
                <dd data-testid="sent-figures">{figures.sent.join("; ")}</dd>
                <dt>Received</dt>
                <dd data-testid="received-figures">{figures.received.join("; ")}</dd>
                <dt>Network</dt>
                <dd>{figures.network || "measuring…"}</dd>
              </dl>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
