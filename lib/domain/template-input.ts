import { z } from "zod";
import { roomPolicySchema } from "./room-policy";

const templateName = z.string().trim().min(1, "Give the template a name.").max(80, "Keep the name under 80 characters.");
const templateDescription = z.string().trim().max(500, "Keep the description under 500 characters.");

export const templateScopeSchema = z.enum(["ORG", "PERSONAL"]);

/** Every write validates the whole policy: a template never stores a partial or unknown policy. */
export const createTemplateInputSchema = z.object({
  name: templateName,
  description: templateDescription.optional(),
  scope: templateScopeSchema.default("PERSONAL"),
  policy: roomPolicySchema,
});
export type CreateTemplateInput = z.output<typeof createTemplateInputSchema>;

export const updateTemplateInputSchema = z
  .object({ name: templateName, description: templateDescription.nullable(), policy: roomPolicySchema })
  .partial()
  .strict()
  .refine((input) => Object.keys(input).length > 0, "Change at least one field.");
export type UpdateTemplateInput = z.output<typeof updateTemplateInputSchema>;

export const templateIdSchema = z.string().trim().min(1).max(64);
