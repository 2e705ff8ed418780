import { z } from "zod";
import { templateIdSchema, updateTemplateInputSchema } from "@/lib/domain/template-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { deleteTemplate } from "@/lib/server/templates/delete-template";
import { getTemplate } from "@/lib/server/templates/get-template";
import { updateTemplate } from "@/lib/server/templates/update-template";

const params = z.object({ id: templateIdSchema });

export const GET = apiRoute({ params }, ({ actor, params }) => getTemplate(actor, params.id));

export const PATCH = apiRoute({ params, body: updateTemplateInputSchema }, ({ actor, params, body }) =>
  updateTemplate(actor, params.id, body),
);

export const DELETE = apiRoute({ params }, async ({ actor, params }) => {
  await deleteTemplate(actor, params.id);
  return new Response(null, { status: 204 });
});
