import "server-only";
import type { NextRequest } from "next/server";
import { NextResponse } from "next/server";
import { z } from "zod";
import type { Actor } from "@/lib/domain/actor";
import { consumeOrRefuse } from "@/lib/server/rate-limit/limiters";
import type { RateLimitName } from "@/lib/server/rate-limit/limits";
import { requireActor } from "@/lib/server/session/current-actor";
import { AppError } from "./app-error";
import { crossSiteRefusal } from "./cross-site";
import { errorResponse } from "./error-response";

const DEFAULT_MAX_BODY_BYTES = 16 * 1024;

type RouteSchemas<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  params?: P;
  query?: Q;
  body?: B;
  maxBodyBytes?: number;
  /** Counted per user once signed in, before any input is read; over it the route answers 429 with Retry-After. */
  rateLimit?: RateLimitName;
};

type RouteInput<P extends z.ZodType, Q extends z.ZodType, B extends z.ZodType> = {
  actor: Actor;
  request: NextRequest;
  params: z.output<P>;
  query: z.output<Q>;
  body: z.output<B>;
};

function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError("invalid_request", `Invalid ${where}.`, z.flattenError(result.error as z.ZodError<unknown>));
  }
  return result.data;
}

async function readJsonBody(request: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (new TextEncoder().encode(text).byteLength > maxBytes) {
    throw new AppError("payload_too_large", `Request body is larger than ${maxBytes} bytes.`);
  }
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("invalid_request", "Request body is not valid JSON.");
  }
}

/**
 * The one chain every API route goes through — cross-site refusal, session, the route's rate limit (if it has one),
 * then zod-validated params, query and body — so no route can forget CSRF defence, authentication or validation. The handler returns data (sent as JSON) or a Response.
 */
export function apiRoute<
  P extends z.ZodType = z.ZodObject<Record<string, never>>,
  Q extends z.ZodType = z.ZodObject<Record<string, never>>,
  B extends z.ZodType = z.ZodUnknown,
>(schemas: RouteSchemas<P, Q, B>, handler: (input: RouteInput<P, Q, B>) => Promise<unknown>) {
  return async (request: NextRequest, context: { params?: Promise<Record<string, string | string[]>> }) => {
    try {
      const refusal = crossSiteRefusal(request.method, request.headers);
      if (refusal) throw new AppError("forbidden", refusal);
      const actor = await requireActor();
      if (schemas.rateLimit) await consumeOrRefuse(schemas.rateLimit, actor.id);
      const params = parseWith(schemas.params ?? z.object({}), (await context.params) ?? {}, "path");
      const query = parseWith(schemas.query ?? z.object({}), Object.fromEntries(request.nextUrl.searchParams), "query");
      const body = schemas.body
        ? parseWith(schemas.body, await readJsonBody(request, schemas.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES), "body")
        : undefined;
      const result = await handler({ actor, request, params, query, body } as RouteInput<P, Q, B>);
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? null);
    } catch (error) {
      return errorResponse(error);
    }
  };
}
