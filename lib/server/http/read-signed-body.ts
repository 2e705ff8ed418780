import "server-only";
import { z } from "zod";
import { serverEnv } from "@/lib/config/server-env";
import { INTERNAL_AUDIENCES, verifyInternalRequest } from "@/lib/internal-api/internal-signature";
import { AppError } from "./app-error";

/**
 * The body of a PartyKit → Next.js call (/api/internal/*, which has no user session): bounded in size, signed by
 * PartyKit over these exact bytes (checked before anything is parsed), then validated by `schema`.
 */
export async function readSignedBody<Schema extends z.ZodType>(request: Request, schema: Schema, maxBytes: number, what: string): Promise<z.infer<Schema>> {
  const tooLarge = () => new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes.`);
  if (Number(request.headers.get("content-length") ?? "0") > maxBytes) throw tooLarge();
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > maxBytes) throw tooLarge();
  const signed = await verifyInternalRequest(request.headers.get("authorization"), text, serverEnv().PARTY_SECRET, INTERNAL_AUDIENCES.app);
  if (!signed) throw new AppError("unauthorized", "Missing or invalid internal signature.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "Request body is not valid JSON.");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new AppError("invalid_request", `Invalid ${what}.`, z.flattenError(parsed.error));
  return parsed.data;
}
