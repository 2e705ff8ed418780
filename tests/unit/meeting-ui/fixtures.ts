import { defaultRoomPolicy } from "@/lib/domain/room-policy";
import type { ChatMessage, Participant, WelcomeMessage } from "@/lib/signaling";

export function participant(id: string, overrides: Partial<Participant> = {}): Participant {
  return {
    id,
    userId: `user-${id}`,
    name: `Name ${id}`,
    role: "participant",
    joinedAt: 1_000,
    media: { audio: true, video: true, screen: false },
    hand: { raised: false },
    connection: "connected",
    ...overrides,
  };
}

export function chatMessage(id: string, from: string, overrides: Partial<ChatMessage> = {}): ChatMessage {
  return { id, from, userId: `user-${from}`, name: `Name ${from}`, text: `message ${id}`, sentAt: 2_000, ...overrides };
}

export function welcome(self: Participant, others: Participant[] = [], overrides: Partial<WelcomeMessage> = {}): WelcomeMessage {
  return {
    type: "welcome",
    v: 2,
    self,
    participants: [self, ...others],
    chat: [],
    room: { locked: false, spotlight: null, policy: defaultRoomPolicy, recording: null, mediaPath: "mesh" },
    resume: "a".repeat(43),
    resumed: false,
    waiting: [],
    ...overrides,
  };
}
