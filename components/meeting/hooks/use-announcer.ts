"use client";

import { useCallback, useState } from "react";

const KEPT_ENTRIES = 5;

export function useAnnouncer() {
  const [entries, setEntries] = useState<{ id: number; text: string }[]>([]);
  const announce = useCallback((text: string) => {
    setEntries((current) => [...current, { id: (current.at(-1)?.id ?? 0) + 1, text }].slice(-KEPT_ENTRIES));
  }, []);
  return { entries, announce };
}
