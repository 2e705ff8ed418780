import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emptyMeeting, joinedParticipants, reduceMeeting, type MeetingEffect, type MeetingEvent } from "@/lib/meeting";
import type { ServerMessage } from "@/lib/signaling";

const connectionIds = ["c0", "c1", "c2", "c3", "c4"] as const;
const connectionId = fc.constantFrom(...connectionIds);

const event: fc.Arbitrary<MeetingEvent> = fc.oneof(
  connectionId.map((id) => ({
    type: "connected" as const,
    participant: { id, userId: `user-${id}`, name: id, role: "participant" as const, joinedAt: 0 },
  })),
  connectionId.map((id) => ({ type: "disconnected" as const, connectionId: id })),
  fc.tuple(connectionId, fc.constantFrom(1, 1, 1, 2)).map(([id, v]) => ({
    type: "message" as const,
    connectionId: id,
    message: { type: "hello" as const, v },
  })),
  connectionId.map((id) => ({ type: "message" as const, connectionId: id, message: { type: "ping" as const } })),
);

function deliveries(effects: MeetingEffect[]): { to: string; message: ServerMessage }[] {
  return effects.flatMap((effect) =>
    effect.type === "send" ? [{ to: effect.to, message: effect.message }] : effect.to.map((to) => ({ to, message: effect.message })),
  );
}

/** A client's idea of the roster, built only from the messages it received; undefined before its welcome. */
function applyToView(view: Set<string> | undefined, message: ServerMessage): Set<string> | undefined {
  switch (message.type) {
    case "welcome":
      expect(view).toBeUndefined();
      return new Set(message.participants.map((participant) => participant.id));
    case "participant-joined":
      expect(view?.has(message.participant.id)).toBe(false);
      return new Set(view).add(message.participant.id);
    case "participant-left": {
      expect(view?.has(message.participantId)).toBe(true);
      const next = new Set(view);
      next.delete(message.participantId);
      return next;
    }
    default:
      return view;
  }
}

describe("meeting presence properties", () => {
  it("keeps the roster, every effect target and every client's view consistent with the open connections", () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), (events) => {
        let state = emptyMeeting;
        const open = new Set<string>();
        const joined = new Set<string>();
        const views = new Map<string, Set<string> | undefined>();

        for (const current of events) {
          const transition = reduceMeeting(state, current);
          state = transition.state;

          // Reference model, written independently of the reducer.
          if (current.type === "connected" && !open.has(current.participant.id)) {
            open.add(current.participant.id);
            views.set(current.participant.id, undefined);
          }
          if (current.type === "disconnected") {
            open.delete(current.connectionId);
            joined.delete(current.connectionId);
            views.delete(current.connectionId);
          }
          if (current.type === "message" && current.message.type === "hello" && open.has(current.connectionId) && current.message.v === 1) {
            joined.add(current.connectionId);
          }

          for (const { to, message } of deliveries(transition.effects)) {
            expect(open.has(to)).toBe(true);
            if (message.type === "welcome") expect(message.self.id).toBe(to);
            views.set(to, applyToView(views.get(to), message));
          }
          expect(transition.effects.every((effect) => effect.type === "send" || effect.to.length > 0)).toBe(true);

          const roster = new Set(joinedParticipants(state).map((participant) => participant.id));
          expect(roster).toEqual(joined);
          expect(new Set(state.connections.keys())).toEqual(open);
          for (const id of joined) expect(views.get(id)).toEqual(roster);
          for (const id of open) if (!joined.has(id)) expect(views.get(id)).toBeUndefined();
        }
      }),
      { numRuns: 500 },
    );
  });
});
