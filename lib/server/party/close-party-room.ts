import "server-only";
import type { CloseReason } from "@/lib/internal-api/party-control";
import { sendPartyControl } from "./send-party-control";

/**
 * Asks PartyKit to close a room's meeting: everyone still in it is told why and disconnected, and the room's
 * live state is cleared. True when PartyKit confirmed it (after delivering the meeting's records).
 */
export function closePartyRoom(roomId: string, reason: CloseReason): Promise<boolean> {
  return sendPartyControl(roomId, { action: "close", reason });
}
