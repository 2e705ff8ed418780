import { NextResponse } from "next/server";
import { createRoomInputSchema, listRoomsQuerySchema } from "@/lib/domain/room-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { createRoom } from "@/lib/server/rooms/create-room";
import { listRooms } from "@/lib/server/rooms/list-rooms";

export const GET = apiRoute({ query: listRoomsQuerySchema }, ({ actor, query }) => listRooms(actor, query));

export const POST = apiRoute({ body: createRoomInputSchema }, async ({ actor, body }) =>
  NextResponse.json(await createRoom(actor, body), { status: 201 }),
);
