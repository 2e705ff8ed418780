import "server-only";
import { type PartyPresence, partyPresenceSchema } from "@/lib/internal-api/party-control";
import { AppError } from "@/lib/server/http/app-error";
import { postPartyControl } from "./send-party-control";

const unavailable = () => new AppError("unavailable", "The meeting service is not answering. Try again in a moment.");

/**
 * Asks a room's PartyKit meeting, the source of truth for who is in it, where a user stands right now. Meeting
 * records reach Postgres in batches, so a person who joined a second ago is known here before it is there.
 */
export async function queryPartyPresence(roomId: string, userId: string): Promise<PartyPresence> {
  let response: Response;
  try {
    response = await postPartyControl(roomId, { action: "presence", userId });
  } catch (error) {
    console.error(`Could not ask PartyKit room ${roomId} who is in it`, error);
    throw unavailable();
  }
  const parsed = response.ok ? partyPresenceSchema.safeParse(await response.json().catch(() => null)) : null;
  if (!parsed?.success) {
    console.error(`PartyKit room ${roomId} answered a presence query with HTTP ${response.status}`);
    throw unavailable();
  }
  return parsed.data;
}
