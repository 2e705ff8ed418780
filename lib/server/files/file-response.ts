import "server-only";
import { create as contentDisposition } from "content-disposition";
import { mayShowInline, servedType } from "@/lib/domain/file-policy";
import { notFound } from "@/lib/server/http/app-error";
import { requestedRange } from "./byte-range";
import { readStoredFile, type StoredFileMeta } from "./open-stored-file";

/**
 * Nothing a shared file holds may run in Confer's origin: no sniffing, a CSP that allows nothing and sandboxes
 * the document, and inline display only for raster images; everything else is a download.
 */
function fileHeaders(file: StoredFileMeta, inline: boolean): Record<string, string> {
  const showInline = inline && mayShowInline(file.detectedType);
  return {
    "content-type": servedType(file.detectedType),
    "content-disposition": contentDisposition(file.name, { type: showInline ? "inline" : "attachment" }),
    "x-content-type-options": "nosniff",
    "content-security-policy": "default-src 'none'; sandbox",
    "cross-origin-resource-policy": "same-origin",
    "cache-control": "private, max-age=3600",
    etag: `"${file.sha256}"`,
    "accept-ranges": "bytes",
  };
}

export async function fileResponse(file: StoredFileMeta & { storageKey: string }, request: Request, inline: boolean): Promise<Response> {
  const headers = fileHeaders(file, inline);
  if (request.headers.get("if-none-match") === headers.etag) return new Response(null, { status: 304, headers });
  const range = requestedRange(request.headers.get("range"), file.size);
  if (range === "unsatisfiable") return new Response(null, { status: 416, headers: { ...headers, "content-range": `bytes */${file.size}` } });
  const content = await readStoredFile(file.storageKey, range ?? undefined);
  if (!content) throw notFound("File");
  const body = request.method === "HEAD" ? null : content.body;
  if (request.method === "HEAD") await content.body.cancel();
  if (!range) return new Response(body, { status: 200, headers: { ...headers, "content-length": String(file.size) } });
  return new Response(body, {
    status: 206,
    headers: { ...headers, "content-length": String(range.end - range.start + 1), "content-range": `bytes ${range.start}-${range.end}/${file.size}` },
  });
}
