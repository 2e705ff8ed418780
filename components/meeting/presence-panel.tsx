"use client";

import PartySocket from "partysocket";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { PROTOCOL_VERSION, type Participant, serverMessageSchema } from "@/lib/signaling";

type JoinGrant = { roomId: string; token: string; partyHost: string; role: string };

async function requestJoin(roomId: string): Promise<JoinGrant> {
  const response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/join`, { method: "POST" });
  const body = await response.json();
  if (!response.ok) throw new Error(body?.error?.message ?? "Could not join the room.");
  return body as JoinGrant;
}

/** Who is in the room right now, over the room's PartyKit connection. The full meeting builds on this. */
export function PresencePanel({ roomId }: { roomId: string }) {
  const [status, setStatus] = useState<"idle" | "connecting" | "connected" | "error">("idle");
  const [error, setError] = useState<string | null>(null);
  const [participants, setParticipants] = useState<Participant[]>([]);
  const [selfId, setSelfId] = useState<string | null>(null);
  const socket = useRef<PartySocket | null>(null);

  useEffect(() => () => socket.current?.close(), []);

  async function join() {
    setStatus("connecting");
    setError(null);
    try {
      const grant = await requestJoin(roomId);
      let pendingToken: string | null = grant.token;
      const ws = new PartySocket({
        host: grant.partyHost,
        room: grant.roomId,
        // Each reconnect needs a fresh token: they live 60 s.
        query: async () => {
          const token = pendingToken ?? (await requestJoin(roomId)).token;
          pendingToken = null;
          return { token };
        },
      });
      ws.addEventListener("open", () => ws.send(JSON.stringify({ type: "hello", v: PROTOCOL_VERSION })));
      ws.addEventListener("message", (event) => {
        const parsed = serverMessageSchema.safeParse(JSON.parse(String(event.data)));
        if (!parsed.success) return;
        const message = parsed.data;
        if (message.type === "welcome") {
          setSelfId(message.self.id);
          setParticipants(message.participants);
          setStatus("connected");
        } else if (message.type === "participant-joined") {
          setParticipants((current) => [...current.filter((p) => p.id !== message.participant.id), message.participant]);
        } else if (message.type === "participant-left") {
          setParticipants((current) => current.filter((p) => p.id !== message.participantId));
        } else if (message.type === "error") {
          setError(message.message);
        }
      });
      socket.current = ws;
    } catch (joinError) {
      setStatus("error");
      setError((joinError as Error).message);
    }
  }

  function leave() {
    socket.current?.close();
    socket.current = null;
    setParticipants([]);
    setSelfId(null);
    setStatus("idle");
  }

  return (
    <section aria-labelledby="presence-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6">
      <div className="flex items-center justify-between gap-3">
        <h2 id="presence-heading" className="text-lg font-semibold">
          In the room
        </h2>
        {status === "connected" || status === "connecting" ? (
          <Button variant="secondary" onClick={leave}>
            Leave
          </Button>
        ) : (
          <Button onClick={join}>Join room</Button>
        )}
      </div>
      <div aria-live="polite" className="text-sm text-slate-700">
        {status === "connecting" ? "Connecting…" : null}
        {error ? <p className="text-red-700">{error}</p> : null}
      </div>
      {status === "connected" ? (
        <ul aria-label="Participants" className="space-y-1">
          {participants.map((participant) => (
            <li key={participant.id} className="text-sm">
              {participant.name}
              {participant.id === selfId ? " (you)" : ""}
              <span className="ml-2 text-xs text-slate-600">{participant.role}</span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
