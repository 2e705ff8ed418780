import { z } from "zod";
import { roomIdSchema } from "@/lib/domain/room-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { grantSfuAccess } from "@/lib/server/rooms/grant-sfu-access";

const params = z.object({ id: roomIdSchema });

/** The Janus instance, videoroom and signed token for this room's media through the SFU (docs/sfu.md). */
export const POST = apiRoute({ params }, ({ actor, params }) => grantSfuAccess(actor, params.id));
