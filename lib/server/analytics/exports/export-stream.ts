import "server-only";

/**
 * What every export use case returns: a body produced on demand plus how to name it. The route turns it into a
 * download (exportResponse).
 */
export type ExportFile = {
  filename: string;
  contentType: string;
  body: ReadableStream<Uint8Array>;
};

export type ExportFormat = "csv" | "json";

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  json: "application/json; charset=utf-8",
};

/**
 * A byte stream that pulls the next chunk from `chunks` only when the consumer wants more. With the default
 * high-water mark of one chunk, at most one page is waiting in the queue while the next one is read from the
 * database, so memory stays bounded by the page size however large the export is; a client that disconnects
 * cancels the stream, which stops the generator (its `finally` blocks run) and no further pages are read.
 */
export function streamChunks(chunks: AsyncGenerator<string, void, undefined>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) controller.close();
        else if (next.value !== "") controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        // Headers are already sent: the only honest signal left is to abort the body, so the download fails
        // instead of ending as a silently truncated file.
        console.error("Export stream failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}

/**
 * Keyset pagination: yields pages of `pageSize` rows, each page read with the cursor of the previous page's last
 * row, so every query is an index range scan whatever the offset (an OFFSET would rescan all earlier rows).
 */
export async function* keysetPages<Row, Cursor>(options: {
  pageSize: number;
  readPage: (after: Cursor | null, take: number) => Promise<Row[]>;
  cursorOf: (row: Row) => Cursor;
}): AsyncGenerator<Row[], void, undefined> {
  let after: Cursor | null = null;
  for (;;) {
    const rows = await options.readPage(after, options.pageSize);
    const last = rows.at(-1);
    if (last === undefined) return;
    yield rows;
    if (rows.length < options.pageSize) return;
    after = options.cursorOf(last);
  }
}

/** "Weekly sync: Q3/Q4" on 2026-11-24 → "weekly-sync-q3-q4-2026-11-24": ASCII only, so no header encoding issues. */
export function exportFilename(title: string, startedAt: Date, what: string, format: ExportFormat): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return `${slug || "meeting"}-${startedAt.toISOString().slice(0, 10)}-${what}.${format}`;
}

/** The download response: attachment, never cached (it is personal data), never sniffed as HTML. */
export function exportResponse(file: ExportFile): Response {
  return new Response(file.body, {
    status: 200,
    headers: {
      "content-type": file.contentType,
      "content-disposition": `attachment; filename="${file.filename}"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
