"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { errorsFromTree } from "@/components/policy/form-errors";
import { createRoomInputSchema, inviteEmailSchema, roomIdSchema, updateRoomInputSchema } from "@/lib/domain/room-input";
import { roomPolicySchema } from "@/lib/domain/room-policy";
import { authedAction } from "@/lib/server/actions/action-client";
import { createRoom } from "@/lib/server/rooms/create-room";
import { deleteRoom } from "@/lib/server/rooms/delete-room";
import { inviteToRoom } from "@/lib/server/rooms/invite-to-room";
import { revokeRoomInvite } from "@/lib/server/rooms/revoke-room-invite";
import { updateRoom } from "@/lib/server/rooms/update-room";

export const createRoomAction = authedAction.inputSchema(createRoomInputSchema).action(async ({ ctx, parsedInput }) => {
  const room = await createRoom(ctx.actor, parsedInput);
  revalidatePath("/");
  return room;
});

export const updateRoomAction = authedAction
  .inputSchema(z.object({ id: roomIdSchema, changes: updateRoomInputSchema }))
  .action(async ({ ctx, parsedInput }) => {
    const room = await updateRoom(ctx.actor, parsedInput.id, parsedInput.changes);
    revalidatePath(`/rooms/${room.slug}`);
    return room;
  });

/** The host's policy override (room settings); errors by field path so each policy field shows its own. */
export const updateRoomPolicyAction = authedAction
  .inputSchema(z.object({ id: roomIdSchema, policy: roomPolicySchema }), { handleValidationErrorsShape: async (errors) => errorsFromTree(errors) })
  .action(async ({ ctx, parsedInput }) => {
    const room = await updateRoom(ctx.actor, parsedInput.id, { policy: parsedInput.policy });
    revalidatePath(`/rooms/${room.slug}`);
    revalidatePath(`/rooms/${room.slug}/settings`);
    return { expiresAt: room.expiresAt };
  });

export const deleteRoomAction = authedAction.inputSchema(z.object({ id: roomIdSchema })).action(async ({ ctx, parsedInput }) => {
  await deleteRoom(ctx.actor, parsedInput.id);
  revalidatePath("/");
});

export const inviteToRoomAction = authedAction
  .inputSchema(z.object({ id: roomIdSchema, emails: z.array(inviteEmailSchema).min(1).max(100) }))
  .action(async ({ ctx, parsedInput }) => inviteToRoom(ctx.actor, parsedInput.id, parsedInput.emails));

export const revokeInviteAction = authedAction
  .inputSchema(z.object({ id: roomIdSchema, email: inviteEmailSchema }))
  .action(async ({ ctx, parsedInput }) => {
    await revokeRoomInvite(ctx.actor, parsedInput.id, parsedInput.email);
  });
