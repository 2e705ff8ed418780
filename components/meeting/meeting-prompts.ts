"use client";

import { toast } from "sonner";
import { playKnockSound } from "@/components/meeting/knock-sound";
import type { MeetingPrompt } from "@/lib/meeting-client/meeting-prompts";

/** The meeting's own toaster (top centre, clear of the control bar); the app's stays for everything else. */
export const MEETING_TOASTER_ID = "meeting";

type PromptActions = {
  announce: (text: string) => void;
  admit: (participantId: string) => void;
  deny: (participantId: string) => void;
  unmute: () => void;
};

/**
 * Shows what the meeting session asks to tell the person. A toast is announced by its own live region; anything
 * else goes to the meeting's announcer.
 */
export function showMeetingPrompt(prompt: MeetingPrompt, actions: PromptActions): void {
  const options = { toasterId: MEETING_TOASTER_ID };
  switch (prompt.kind) {
    case "notice":
      if (prompt.notice.toast) toast[prompt.notice.toast](prompt.notice.text, options);
      else actions.announce(prompt.notice.text);
      return;
    case "announce":
      actions.announce(prompt.text);
      return;
    case "knock": {
      // A toast with Admit / Deny, a short chime, and the announcer for screen readers.
      const { id, name } = prompt.participant;
      playKnockSound();
      toast.info(`${name} wants to join`, {
        ...options,
        id: `knock-${id}`,
        duration: 20_000,
        action: { label: "Admit", onClick: () => actions.admit(id) },
        cancel: { label: "Deny", onClick: () => actions.deny(id) },
      });
      actions.announce(`${name} is waiting to join. Admit or deny them from the participants list.`);
      return;
    }
    case "knock-settled":
      toast.dismiss(`knock-${prompt.participantId}`);
      return;
    case "unmute-requested":
      toast.info("A host asks you to unmute", { ...options, id: "unmute-requested", duration: 20_000, action: { label: "Unmute", onClick: actions.unmute } });
      return;
    case "forbidden":
      toast.info(prompt.reason, { ...options, id: "forbidden-control" });
      return;
    case "sfu-unavailable":
      toast.warning("The media server is not answering: this meeting continues peer-to-peer.", { ...options, id: "sfu-unavailable" });
      return;
    case "screen-share-failed":
      toast.error("Screen sharing could not start.", options);
      return;
  }
}
