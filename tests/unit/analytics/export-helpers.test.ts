import { describe, expect, it } from "vitest";
import { csvRows, neutralizeFormula } from "@/lib/server/analytics/exports/csv";
import { exportFilename, keysetPages, streamChunks } from "@/lib/server/analytics/exports/export-stream";

describe("CSV cells", () => {
  it("quotes commas, quotes and line breaks through csv-stringify", () => {
    expect(csvRows([["a,b", 'say "hi"', "two\nlines", "cr\rhere", "plain"]])).toBe('"a,b","say ""hi""","two\nlines","cr\rhere",plain\n');
  });

  it("writes dates as ISO, numbers as numbers and missing values as empty cells", () => {
    expect(csvRows([[new Date("2026-01-02T03:04:05.678Z"), 1.5, -3, null, undefined, Number.NaN, true]])).toBe(
      "2026-01-02T03:04:05.678Z,1.5,-3,,,,true\n",
    );
  });

  it("defuses text a spreadsheet would run as a formula", () => {
    for (const text of ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=x", "\r=x"]) expect(neutralizeFormula(text)).toBe(`'${text}`);
    for (const text of ["Alice", "1-2", "a=b", ""]) expect(neutralizeFormula(text)).toBe(text);
    expect(csvRows([['=HYPERLINK("http://x","y")', -1]])).toBe(`"'=HYPERLINK(""http://x"",""y"")",-1\n`);
  });

  it("writes nothing for no rows", () => {
    expect(csvRows([])).toBe("");
  });
});

describe("export filenames", () => {
  it("are ASCII slugs of the title with the meeting's day", () => {
    const day = new Date("2026-11-24T10:00:00Z");
    expect(exportFilename("Weekly sync: Q3/Q4", day, "issues", "csv")).toBe("weekly-sync-q3-q4-2026-11-24-issues.csv");
    expect(exportFilename('Réunion "équipe"', day, "report", "json")).toBe("reunion-equipe-2026-11-24-report.json");
    expect(exportFilename("日本語", day, "samples", "csv")).toBe("meeting-2026-11-24-samples.csv");
  });
});

describe("keysetPages", () => {
  it("reads page after page with the last row's cursor and stops on a short page", async () => {
    const rows = Array.from({ length: 7 }, (_, i) => i);
    const calls: (number | null)[] = [];
    const pages = keysetPages({
      pageSize: 3,
      readPage: async (after: number | null, take) => {
        calls.push(after);
        return rows.filter((r) => after === null || r > after).slice(0, take);
      },
      cursorOf: (row: number) => row,
    });
    const seen: number[][] = [];
    for await (const page of pages) seen.push(page);
    expect(seen).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(calls).toEqual([null, 2, 5]);
  });

  it("does one extra read when the last page is exactly full", async () => {
    let reads = 0;
    const pages = keysetPages({
      pageSize: 2,
      readPage: async (after: number | null) => {
        reads += 1;
        return after === null ? [1, 2] : [];
      },
      cursorOf: (row: number) => row,
    });
    const seen: number[][] = [];
    for await (const page of pages) seen.push(page);
    expect(seen).toEqual([[1, 2]]);
    expect(reads).toBe(2);
  });
});

describe("streamChunks", () => {
  it("pulls chunks lazily and stops the generator when the reader cancels", async () => {
    let produced = 0;
    let finished = false;
    async function* chunks() {
      try {
        for (;;) {
          produced += 1;
          yield `chunk ${produced}\n`;
        }
      } finally {
        finished = true;
      }
    }
    const reader = streamChunks(chunks()).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("chunk 1\n");
    // The stream asks for at most one chunk ahead of the reader, never the whole (here endless) source.
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(produced).toBeLessThanOrEqual(2);
    await reader.cancel();
    expect(finished).toBe(true);
  });

  it("errors the body when the source fails midway", async () => {
    async function* chunks() {
      yield "first\n";
      throw new Error("database went away");
    }
    const errorLog = console.error;
    console.error = () => {};
    try {
      const reader = streamChunks(chunks()).getReader();
      await reader.read();
      await expect(reader.read()).rejects.toThrow("database went away");
    } finally {
      console.error = errorLog;
    }
  });
});
