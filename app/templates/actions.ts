"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { errorsFromTree } from "@/components/policy/form-errors";
import { createTemplateInputSchema, templateIdSchema, updateTemplateInputSchema } from "@/lib/domain/template-input";
import { authedAction } from "@/lib/server/actions/action-client";
import { createTemplate } from "@/lib/server/templates/create-template";
import { deleteTemplate } from "@/lib/server/templates/delete-template";
import { updateTemplate } from "@/lib/server/templates/update-template";

/*
 * Same schemas and use cases as /api/templates: the use cases decide who may manage what (admins: org templates;
 * owners: their personal ones), so a hand-made action call is refused exactly like an API call.
 * Validation errors come back as a path → message map so nested policy fields get their own inline message.
 */

export const createTemplateAction = authedAction
  .inputSchema(createTemplateInputSchema, { handleValidationErrorsShape: async (errors) => errorsFromTree(errors) })
  .action(async ({ ctx, parsedInput }) => {
    const template = await createTemplate(ctx.actor, parsedInput);
    revalidatePath("/templates");
    return { id: template.id, name: template.name };
  });

export const updateTemplateAction = authedAction
  .inputSchema(z.object({ id: templateIdSchema, changes: updateTemplateInputSchema }), {
    handleValidationErrorsShape: async (errors) => errorsFromTree(errors, "changes"),
  })
  .action(async ({ ctx, parsedInput }) => {
    const template = await updateTemplate(ctx.actor, parsedInput.id, parsedInput.changes);
    revalidatePath("/templates");
    return { id: template.id, name: template.name };
  });

export const deleteTemplateAction = authedAction.inputSchema(z.object({ id: templateIdSchema })).action(async ({ ctx, parsedInput }) => {
  await deleteTemplate(ctx.actor, parsedInput.id);
  revalidatePath("/templates");
});
