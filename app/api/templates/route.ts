import { NextResponse } from "next/server";
import { createTemplateInputSchema } from "@/lib/domain/template-input";
import { apiRoute } from "@/lib/server/http/api-route";
import { createTemplate } from "@/lib/server/templates/create-template";
import { listTemplates } from "@/lib/server/templates/list-templates";

export const GET = apiRoute({}, ({ actor }) => listTemplates(actor));

export const POST = apiRoute({ body: createTemplateInputSchema }, async ({ actor, body }) =>
  NextResponse.json(await createTemplate(actor, body), { status: 201 }),
);
