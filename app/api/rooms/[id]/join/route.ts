import { z } from "zod";
import { roomIdSchema } from "@/lib/domain/room-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { joinRoom } from "@/lib/server/rooms/join-room";

const params = z.object({ id: roomIdSchema });

export const POST = apiRoute({ params, rateLimit: "joinGrant" }, ({ actor, params }) => joinRoom(actor, params.id));
