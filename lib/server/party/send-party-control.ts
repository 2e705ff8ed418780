import "server-only";
import { serverEnv } from "@/lib/config/server-env";
import { INTERNAL_AUDIENCES, signInternalRequest } from "@/lib/internal-api/internal-signature";
import { PARTY_CONTROL_SUFFIX, type PartyControl } from "@/lib/internal-api/party-control";

const TIMEOUT_MS = 5_000;

/** The signed control request itself; rejects when PartyKit cannot be reached. */
export async function postPartyControl(roomId: string, control: PartyControl): Promise<Response> {
  const env = serverEnv();
  const body = JSON.stringify(control);
  const url = new URL(`/parties/main/${encodeURIComponent(roomId)}${PARTY_CONTROL_SUFFIX}`, env.PARTYKIT_URL);
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      authorization: await signInternalRequest(body, env.PARTY_SECRET, INTERNAL_AUDIENCES.party),
    },
    body,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
}

/**
 * Sends a signed control request to a room's PartyKit meeting; true when PartyKit confirmed it (a room nobody is
 * in confirms too). Failures are logged and reported as false, for the caller to retry or accept.
 */
export async function sendPartyControl(roomId: string, control: PartyControl): Promise<boolean> {
  try {
    const response = await postPartyControl(roomId, control);
    if (!response.ok) console.error(`PartyKit refused ${control.action} for room ${roomId}: HTTP ${response.status}`);
    return response.ok;
  } catch (error) {
    console.error(`Could not send ${control.action} to PartyKit room ${roomId}`, error);
    return false;
  }
}
