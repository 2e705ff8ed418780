import { NextResponse } from "next/server";
import { z } from "zod";
import { inviteEmailSchema, roomIdSchema } from "@/lib/domain/room-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { inviteToRoom } from "@/lib/server/rooms/invite-to-room";
import { listRoomInvites } from "@/lib/server/rooms/list-room-invites";

const params = z.object({ id: roomIdSchema });
const body = z.object({ emails: z.array(inviteEmailSchema).min(1).max(100) }).strict();

export const GET = apiRoute({ params }, ({ actor, params }) => listRoomInvites(actor, params.id));

export const POST = apiRoute({ params, body }, async ({ actor, params, body }) =>
  NextResponse.json(await inviteToRoom(actor, params.id, body.emails), { status: 201 }),
);
