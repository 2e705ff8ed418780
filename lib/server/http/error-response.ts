import { NextResponse } from "next/server";
import { AppError } from "./app-error";

/** The one error shape every API route answers with: `{ error: { code, message, details? } }`. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    const { retryAfterSeconds } = error.options;
    const headers = retryAfterSeconds === undefined ? undefined : { "retry-after": String(retryAfterSeconds) };
    return NextResponse.json(body, { status: error.status, headers });
  }
  console.error("Unhandled API error", error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}
