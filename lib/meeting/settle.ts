import { emptyMeeting, initialRoomSettings, type MeetingState } from "./meeting-state";

/**
 * Once the last participant is gone the meeting is over: its chat, lock, spotlight and recording count go too, so whoever opens the
 * room next starts a new meeting rather than reading the previous one's chat. Sockets still saying hello stay, and
 * so do the waiting room (people often arrive before the host) and the room's policy, which governs it.
 */
export function settle(state: MeetingState): MeetingState {
  const { room } = state;
  const blank = state.chat.length === 0 && state.nextChatSeq === 0 && !room.locked && room.spotlight === null && room.recording === null && state.recordingParts === 0;
  if (state.seats.size > 0 || blank) return state;
  return {
    ...emptyMeeting,
    connections: state.connections,
    waiting: state.waiting,
    room: { ...initialRoomSettings, policy: state.room.policy },
    policyStamp: state.policyStamp,
  };
}
