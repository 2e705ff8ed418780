import type { AskUnmuteMessage, MuteAllMessage, MuteMessage, StopShareMessage } from "../signaling/client-messages";
import type { Participant } from "../signaling/participant";
import { refuse, send, toConnected } from "./effects";
import type { MeetingEffect, MeetingTransition } from "./meeting-events";
import type { ConnectionId, MeetingState, Seat } from "./meeting-state";
import { withParticipant } from "./meeting-updates";

/**
 * What a host may do to other people's media and hands. A host can turn things off, never on: unmuting is only
 * ever asked for (privacy), and the person's own client decides.
 */

export function targetMissing(state: MeetingState, hostSocket: ConnectionId): MeetingTransition {
  return refuse(state, hostSocket, "unknown_participant", "no such participant in the meeting");
}

/** Applies a change to each seat it returns a new participant for, and tells everyone once per person. */
function changeEach(state: MeetingState, change: (seat: Seat) => Participant | null): { state: MeetingState; changed: Seat[]; effects: MeetingEffect[] } {
  let next = state;
  const changed: Seat[] = [];
  const effects: MeetingEffect[] = [];
  for (const seat of state.seats.values()) {
    const participant = change(seat);
    if (participant === null) continue;
    next = withParticipant(next, seat, participant);
    changed.push(seat);
    effects.push(...toConnected(next, { type: "participant-updated", participant }));
  }
  return { state: next, changed, effects };
}

const notify = (seat: Seat, message: Parameters<typeof send>[1]): MeetingEffect[] => (seat.connectionId !== null ? [send(seat.connectionId, message)] : []);

export function mute(state: MeetingState, host: Seat, hostSocket: ConnectionId, { participantId }: MuteMessage): MeetingTransition {
  const target = state.seats.get(participantId);
  if (!target) return targetMissing(state, hostSocket);
  const notice = notify(target, { type: "muted-by-host", by: host.participant.id });
  if (!target.participant.media.audio) return { state, effects: notice };
  const participant = { ...target.participant, media: { ...target.participant.media, audio: false } };
  const next = withParticipant(state, target, participant);
  return { state: next, effects: [...notice, ...toConnected(next, { type: "participant-updated", participant })] };
}

/** Everyone but hosts (and presenters, when asked) goes silent; the room hears it once. */
export function muteAll(state: MeetingState, host: Seat, { exceptPresenters }: MuteAllMessage): MeetingTransition {
  const by = host.participant.id;
  const muted = changeEach(state, ({ participant }) => {
    const spared = participant.role === "host" || (exceptPresenters && participant.role === "presenter");
    return spared || !participant.media.audio ? null : { ...participant, media: { ...participant.media, audio: false } };
  });
  const notices = muted.changed.flatMap((seat) => notify(seat, { type: "muted-by-host", by }));
  return { state: muted.state, effects: [...notices, ...muted.effects, ...toConnected(muted.state, { type: "everyone-muted", by, exceptPresenters })] };
}

export function askUnmute(state: MeetingState, host: Seat, hostSocket: ConnectionId, { participantId }: AskUnmuteMessage): MeetingTransition {
  const target = state.seats.get(participantId);
  if (!target || target === host) return targetMissing(state, hostSocket);
  if (target.participant.media.audio) return refuse(state, hostSocket, "forbidden", `${target.participant.name} is not muted`);
  return { state, effects: notify(target, { type: "unmute-requested", by: host.participant.id }) };
}

export function lowerHands(state: MeetingState, host: Seat): MeetingTransition {
  const lowered = changeEach(state, ({ participant }) => (participant.hand.raised ? { ...participant, hand: { raised: false } } : null));
  return { state: lowered.state, effects: [...lowered.effects, ...toConnected(lowered.state, { type: "hands-lowered", by: host.participant.id })] };
}

export function stopShare(state: MeetingState, host: Seat, hostSocket: ConnectionId, { participantId }: StopShareMessage): MeetingTransition {
  const target = state.seats.get(participantId);
  if (!target) return targetMissing(state, hostSocket);
  if (!target.participant.media.screen) return refuse(state, hostSocket, "forbidden", `${target.participant.name} is not sharing their screen`);
  const participant = { ...target.participant, media: { ...target.participant.media, screen: false } };
  const next = withParticipant(state, target, participant);
  return { state: next, effects: [...notify(target, { type: "share-stopped-by-host", by: host.participant.id }), ...toConnected(next, { type: "participant-updated", participant })] };
}
