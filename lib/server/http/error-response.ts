import { NextResponse } from "next/server";
import { AppError } from "./app-error";

/** The one error shape every API route answers with: `{ error: { code, message, details? } }`. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    const body = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
    return NextResponse.json(body, { status: error.status });
  }
  console.error("Unhandled API error", error);
  return NextResponse.json({ error: { code: "internal", message: "Something went wrong on our side." } }, { status: 500 });
}
