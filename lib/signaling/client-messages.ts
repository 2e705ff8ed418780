import { z } from "zod";

export const helloMessageSchema = z.object({
  type: z.literal("hello"),
  /** Protocol version the client speaks. */
  v: z.number().int().positive(),
});

export const pingMessageSchema = z.object({ type: z.literal("ping") });

export const clientMessageSchema = z.discriminatedUnion("type", [helloMessageSchema, pingMessageSchema]);

export type HelloMessage = z.infer<typeof helloMessageSchema>;
export type PingMessage = z.infer<typeof pingMessageSchema>;
export type ClientMessage = z.infer<typeof clientMessageSchema>;
export type ClientMessageType = ClientMessage["type"];
