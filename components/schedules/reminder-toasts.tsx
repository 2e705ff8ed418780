"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { toast } from "sonner";
import { z } from "zod";
import { startsIn } from "@/lib/domain/meeting-reminder";

const POLL_MS = 60_000;
const SHOWN_KEY = "confer:reminders-shown";
const remindersSchema = z.array(z.object({ id: z.string(), title: z.string(), startsAt: z.string(), joinPath: z.string() }));

function shownBefore(): Set<string> {
  try {
    return new Set(z.array(z.string()).parse(JSON.parse(sessionStorage.getItem(SHOWN_KEY) ?? "[]")));
  } catch {
    return new Set();
  }
}

/**
 * While the app is open (any page with the header), asks every minute which scheduled meetings are about to start
 * and toasts each occurrence once per tab session, with Join now. Fetch failures wait for the next round.
 */
export function ReminderToasts() {
  const router = useRouter();
  useEffect(() => {
    let active = true;
    const check = async () => {
      const response = await fetch("/api/schedules/reminders", { cache: "no-store" }).catch(() => null);
      if (!active || !response?.ok) return;
      const parsed = remindersSchema.safeParse(await response.json().catch(() => null));
      if (!parsed.success) return;
      const shown = shownBefore();
      for (const reminder of parsed.data) {
        const key = `${reminder.id}@${reminder.startsAt}`;
        if (shown.has(key)) continue;
        shown.add(key);
        toast.info(`${reminder.title} starts ${startsIn(new Date(reminder.startsAt), new Date())}`, {
          id: `reminder-${key}`,
          duration: 60_000,
          action: { label: "Join now", onClick: () => router.push(reminder.joinPath) },
        });
      }
      sessionStorage.setItem(SHOWN_KEY, JSON.stringify([...shown].slice(-50)));
    };
    void check();
    const timer = setInterval(() => void check(), POLL_MS);
    return () => {
      active = false;
      clearInterval(timer);
    };
  }, [router]);
  return null;
}
