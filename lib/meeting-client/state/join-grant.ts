import { z } from "zod";
import { meetingRoleSchema } from "@/lib/signaling";

/** The answer of `POST /api/rooms/:id/join` (lib/server/rooms/join-room.ts). */
export const joinGrantSchema = z.object({
  roomId: z.string().min(1),
  role: meetingRoleSchema,
  token: z.string().min(1),
  expiresAt: z.iso.datetime(),
  partyHost: z.string().min(1),
  iceServers: z.array(
    z.object({
      urls: z.union([z.string(), z.array(z.string())]),
      username: z.string().optional(),
      credential: z.string().optional(),
    }),
  ),
  /** ICE_TRANSPORT_POLICY on the server; absent means "all". */
  iceTransportPolicy: z.enum(["all", "relay"]).optional(),
});

export type JoinGrant = z.infer<typeof joinGrantSchema>;

/** A grant and when this browser received it: token lifetimes are judged on the local clock, skew-free. */
export type ReceivedGrant = { grant: JoinGrant; receivedAt: number };

/** Tokens live 60 s; one older than this may expire on its way to PartyKit. */
export const GRANT_REUSE_MS = 40_000;

export class JoinRefusedError extends Error {
  constructor(
    message: string,
    /** The room is gone, archived, hidden from this person, or the session ended: retrying cannot help. */
    readonly permanent: boolean,
  ) {
    super(message);
    this.name = "JoinRefusedError";
  }
}

const errorBodySchema = z.object({ error: z.object({ message: z.string() }) });

export async function requestJoinGrant(roomId: string, now: () => number = Date.now): Promise<ReceivedGrant> {
  let response: Response;
  try {
    response = await fetch(`/api/rooms/${encodeURIComponent(roomId)}/join`, { method: "POST", cache: "no-store" });
  } catch {
    throw new JoinRefusedError("Could not reach the server. Check your connection.", false);
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const message = errorBodySchema.safeParse(body).data?.error.message ?? "Could not join the meeting.";
    throw new JoinRefusedError(message, [401, 403, 404, 410].includes(response.status));
  }
  const parsed = joinGrantSchema.safeParse(body);
  if (!parsed.success) throw new JoinRefusedError("The server sent an unexpected answer.", false);
  return { grant: parsed.data, receivedAt: now() };
}

export function isGrantFresh(received: ReceivedGrant | null, now: number): received is ReceivedGrant {
  return received !== null && now - received.receivedAt < GRANT_REUSE_MS;
}
