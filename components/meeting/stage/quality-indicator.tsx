import type { ConnectionQuality } from "@/lib/domain/connection-quality";

const bars: Record<ConnectionQuality, number> = { excellent: 3, good: 2, poor: 1, lost: 0 };
const tones: Record<ConnectionQuality, string> = { excellent: "bg-success", good: "bg-warning", poor: "bg-danger", lost: "bg-danger" };
const labels: Record<ConnectionQuality, string> = { excellent: "Connection excellent", good: "Connection good", poor: "Connection poor", lost: "Connection lost" };

/** Three signal bars; the text is for screen readers and the tooltip, the colour never carries meaning alone. */
export function QualityIndicator({ quality }: { quality: ConnectionQuality }) {
  return (
    <span role="img" aria-label={labels[quality]} title={labels[quality]} data-quality={quality} className="inline-flex h-3.5 items-end gap-0.5">
      {[1, 2, 3].map((bar) => (
        <span key={bar} aria-hidden className={`w-1 rounded-sm ${bar <= bars[quality] ? tones[quality] : "bg-stage-fg/30"}`} style={{ height: `${bar * 33}%` }} />
      ))}
    </span>
  );
}
