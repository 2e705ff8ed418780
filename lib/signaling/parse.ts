import type { z } from "zod";
import { clientMessageSchema, type ClientMessage } from "./client-messages";
import { errorMessage, serverMessageSchema, type ErrorMessage, type ServerMessage } from "./server-messages";
import { MAX_CLIENT_MESSAGE_BYTES } from "./version";

export type ParseResult<T> = { ok: true; message: T } | { ok: false; error: ErrorMessage };

const utf8 = new TextEncoder();
const clientMessageTypes: ReadonlySet<string> = new Set(clientMessageSchema.options.map((option) => option.shape.type.value));
const serverMessageTypes: ReadonlySet<string> = new Set(serverMessageSchema.options.map((option) => option.shape.type.value));

function exceedsUtf8Bytes(raw: string, maxBytes: number): boolean {
  // A UTF-16 code unit encodes to 1–3 UTF-8 bytes, so most strings are decided without encoding them.
  if (raw.length > maxBytes) return true;
  if (raw.length * 3 <= maxBytes) return false;
  return utf8.encode(raw).byteLength > maxBytes;
}

function parseJsonObject(raw: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** Splits "malformed" from "well-formed but from a newer protocol", which clients handle differently. */
function parseTypedMessage<T>(raw: string, schema: z.ZodType<T>, knownTypes: ReadonlySet<string>): ParseResult<T> {
  const object = parseJsonObject(raw);
  if (!object) return { ok: false, error: errorMessage("invalid_message", "expected a JSON object") };
  const { type } = object;
  if (typeof type !== "string") return { ok: false, error: errorMessage("invalid_message", "missing string field `type`") };
  if (!knownTypes.has(type)) {
    return { ok: false, error: errorMessage("unknown_type", `unknown message type \`${type.slice(0, 64)}\``) };
  }
  const parsed = schema.safeParse(object);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { ok: false, error: errorMessage("invalid_message", `${type}: ${where}${issue?.message ?? "invalid"}`) };
}

/** Validates one frame from a client; never throws, whatever the input. */
export function parseClientMessage(raw: string): ParseResult<ClientMessage> {
  if (exceedsUtf8Bytes(raw, MAX_CLIENT_MESSAGE_BYTES)) {
    return { ok: false, error: errorMessage("message_too_large", `messages are limited to ${MAX_CLIENT_MESSAGE_BYTES} bytes`) };
  }
  return parseTypedMessage(raw, clientMessageSchema, clientMessageTypes);
}

/** Validates one frame from the server (for clients and tests); never throws. */
export function parseServerMessage(raw: string): ParseResult<ServerMessage> {
  return parseTypedMessage(raw, serverMessageSchema, serverMessageTypes);
}
