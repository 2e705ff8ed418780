import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { INTERNAL_AUDIENCES, signInternalRequest } from "@/lib/internal-api/internal-signature";
import { PARTY_CONTROL_SUFFIX, type PartyControl } from "@/lib/internal-api/party-control";

const TIMEOUT_MS = 5_000;

/**
 * Asks PartyKit to close a room's meeting: everyone still in it is told why and disconnected, and the room's
 * live state is cleared. True when PartyKit confirmed it (a room nobody is in confirms too).
 */
export async function closePartyRoom(roomId: string, reason: PartyControl["reason"]): Promise<boolean> {
  const env = serverEnv();
  const body = JSON.stringify({ action: "close", reason } satisfies PartyControl);
  const url = new URL(`/parties/main/${encodeURIComponent(roomId)}${PARTY_CONTROL_SUFFIX}`, env.PARTYKIT_URL);
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: await signInternalRequest(body, env.PARTY_SECRET, INTERNAL_AUDIENCES.party),
      },
      body,
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return response.ok;
  } catch (error) {
    console.error(`Could not close PartyKit room ${roomId}`, error);
    return false;
  }
}
