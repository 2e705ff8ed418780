import { z } from "zod";
import { inviteEmailSchema, roomIdSchema } from "@/lib/domain/room-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { revokeRoomInvite } from "@/lib/server/rooms/revoke-room-invite";

const params = z.object({ id: roomIdSchema, email: inviteEmailSchema });

export const DELETE = apiRoute({ params }, async ({ actor, params }) => {
  await revokeRoomInvite(actor, params.id, params.email);
  return new Response(null, { status: 204 });
});
