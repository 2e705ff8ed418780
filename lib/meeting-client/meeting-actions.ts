import type { MeetingRole, ReactionEmoji, StoredChatFile } from "@/lib/signaling";
import type { MeetingSession } from "./meeting-session";
import { handRaisedAt } from "./state/participant-facts";

/**
 * Every action the meeting's controls and shortcuts offer. A control the role does not allow explains itself
 * instead of acting; a device that failed counts as off, so pressing its button retries it.
 */
export function meetingActions(session: MeetingSession) {
  const send = session.send;
  const announce = (text: string) => session.prompt({ kind: "announce", text });
  const refuseIfForbidden = (reason: string | null) => {
    if (reason === null) return false;
    session.prompt({ kind: "forbidden", reason });
    return true;
  };
  return {
    join: () => session.join(),
    leave: () => session.leave(),
    rejoin: () => session.rejoin(),
    toggleMicrophone: () => {
      const media = session.currentMedia;
      const on = media.microphone.enabled && media.microphone.track !== null;
      if (!on && refuseIfForbidden(session.rights().audio)) return;
      media.setMicrophoneEnabled(!on);
      if (media.microphone.track) announce(on ? "Microphone off" : "Microphone on");
    },
    toggleCamera: () => {
      const media = session.currentMedia;
      const on = media.camera.enabled && (media.camera.track !== null || media.camera.pending);
      if (!on && refuseIfForbidden(session.rights().video)) return;
      media.setCameraEnabled(!on);
      announce(on ? "Camera off" : "Turning camera on");
    },
    toggleScreenShare: async () => {
      const media = session.currentMedia;
      if (media.screen) {
        media.stopScreenShare();
        announce("You stopped sharing your screen");
        return;
      }
      if (refuseIfForbidden(session.rights().screen)) return;
      const result = await media.startScreenShare();
      if (result.ok) announce("You are sharing your screen");
      else if (result.reason !== "cancelled") session.prompt({ kind: "screen-share-failed" });
    },
    toggleHand: () => {
      const self = session.self();
      void send({ type: "hand", raised: !(self && handRaisedAt(self) !== null) });
    },
    react: (emoji: ReactionEmoji) => void send({ type: "reaction", emoji }),
    sendChat: (text: string, files: StoredChatFile[] = []) =>
      send({ type: "chat", text, ...(files.length > 0 ? { attachments: files.map(({ ticket }) => ({ ticket })) } : {}) }),
    mute: (participantId: string) => void send({ type: "mute", participantId }),
    muteAll: (exceptPresenters: boolean) => void send({ type: "mute-all", exceptPresenters }),
    askUnmute: (participantId: string) => void send({ type: "ask-unmute", participantId }),
    lowerHands: () => void send({ type: "lower-hands" }),
    stopShare: (participantId: string) => void send({ type: "stop-share", participantId }),
    remove: (participantId: string) => void send({ type: "remove", participantId }),
    spotlight: (participantId: string | null) => void send({ type: "spotlight", participantId }),
    lock: (locked: boolean) => void send({ type: "lock", locked }),
    record: (on: boolean) => void send({ type: "record", on }),
    endForAll: () => void send({ type: "end" }),
    setRole: (participantId: string, role: MeetingRole) => void send({ type: "set-role", participantId, role }),
    admit: (participantId: string) => void send({ type: "admit", participantId }),
    admitAll: () => void send({ type: "admit", all: true }),
    deny: (participantId: string) => void send({ type: "deny", participantId }),
  };
}

export type MeetingActions = ReturnType<typeof meetingActions>;
