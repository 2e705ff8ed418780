import { z } from "zod";
import { roomIdSchema, updateRoomInputSchema } from "@/lib/domain/room-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { deleteRoom } from "@/lib/server/rooms/delete-room";
import { getRoom } from "@/lib/server/rooms/get-room";
import { updateRoom } from "@/lib/server/rooms/update-room";

const params = z.object({ id: roomIdSchema });

export const GET = apiRoute({ params }, ({ actor, params }) => getRoom(actor, params.id));

export const PATCH = apiRoute({ params, body: updateRoomInputSchema }, ({ actor, params, body }) =>
  updateRoom(actor, params.id, body),
);

export const DELETE = apiRoute({ params }, async ({ actor, params }) => {
  await deleteRoom(actor, params.id);
  return new Response(null, { status: 204 });
});
