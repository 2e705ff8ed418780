import { emptyMeeting, type MeetingState } from "./meeting-state";

/**
 * Once the last participant is gone the meeting is over: its chat, lock and spotlight go too, so whoever opens the
 * room next starts a new meeting rather than reading the previous one's chat. Sockets still saying hello stay.
 */
export function settle(state: MeetingState): MeetingState {
  const blank = state.chat.length === 0 && state.nextChatSeq === 0 && !state.room.locked && state.room.spotlight === null;
  if (state.seats.size > 0 || blank) return state;
  return { ...emptyMeeting, connections: state.connections };
}
