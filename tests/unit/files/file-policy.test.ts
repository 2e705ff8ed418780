import { describe, expect, it } from "vitest";
import { DEFAULT_BLOCKED_TYPES, formatBytes, mayShowInline, refuseUpload, safeFileName, servedType } from "@/lib/domain/file-policy";

const limits = { maxBytes: 1000, blockedTypes: DEFAULT_BLOCKED_TYPES };

describe("refuseUpload", () => {
  it("accepts a PDF, a PNG that is a PNG, and text without a signature", () => {
    expect(refuseUpload({ size: 10, declaredType: "application/pdf", detectedType: "application/pdf" }, limits)).toBeNull();
    expect(refuseUpload({ size: 10, declaredType: "image/png", detectedType: "image/png" }, limits)).toBeNull();
    expect(refuseUpload({ size: 10, declaredType: "text/plain", detectedType: null }, limits)).toBeNull();
    expect(refuseUpload({ size: 10, declaredType: "text/html", detectedType: null }, limits)).toBeNull();
  });

  it("refuses files over the limit and empty files", () => {
    expect(refuseUpload({ size: 1001, declaredType: "text/plain", detectedType: null }, limits)).toMatchObject({ code: "too_large", message: expect.stringContaining("1000 B") });
    expect(refuseUpload({ size: 0, declaredType: "text/plain", detectedType: null }, limits)).toMatchObject({ code: "empty" });
  });

  it("refuses programs by their bytes, whatever they claim to be", () => {
    expect(refuseUpload({ size: 10, declaredType: "application/pdf", detectedType: "application/x-msdownload" }, limits)).toMatchObject({ code: "blocked_type" });
    expect(refuseUpload({ size: 10, declaredType: "text/plain", detectedType: "application/x-elf" }, limits)).toMatchObject({ code: "blocked_type" });
    expect(refuseUpload({ size: 10, declaredType: "application/x-msdownload", detectedType: null }, limits)).toMatchObject({ code: "blocked_type" });
  });

  it("honours a configured block list instead of the default", () => {
    const pdfBlocked = { maxBytes: 1000, blockedTypes: ["application/pdf"] };
    expect(refuseUpload({ size: 10, declaredType: "application/pdf", detectedType: "application/pdf" }, pdfBlocked)).toMatchObject({ code: "blocked_type" });
    expect(refuseUpload({ size: 10, declaredType: "text/plain", detectedType: "application/x-elf" }, pdfBlocked)).toBeNull();
  });

  it("refuses a claim to be an image that the bytes do not back", () => {
    expect(refuseUpload({ size: 10, declaredType: "image/png", detectedType: null }, limits)).toMatchObject({ code: "type_mismatch" });
    expect(refuseUpload({ size: 10, declaredType: "image/jpeg", detectedType: "image/png" }, limits)).toMatchObject({ code: "type_mismatch" });
    expect(refuseUpload({ size: 10, declaredType: "IMAGE/GIF", detectedType: "application/pdf" }, limits)).toMatchObject({ code: "type_mismatch" });
  });
});

describe("serving", () => {
  it("shows inline only raster images detected from the bytes", () => {
    expect(mayShowInline("image/png")).toBe(true);
    expect(mayShowInline("image/webp")).toBe(true);
    expect(mayShowInline("image/svg+xml")).toBe(false);
    expect(mayShowInline("text/html")).toBe(false);
    expect(mayShowInline(null)).toBe(false);
  });

  it("serves what the bytes are, or opaque bytes", () => {
    expect(servedType("application/pdf")).toBe("application/pdf");
    expect(servedType(null)).toBe("application/octet-stream");
  });
});

describe("safeFileName", () => {
  it("keeps ordinary names", () => {
    expect(safeFileName("Q3 plan (final).pdf")).toBe("Q3 plan (final).pdf");
    expect(safeFileName("résumé.docx")).toBe("résumé.docx");
  });

  it("drops paths, control and bidi-override characters and leading dots", () => {
    expect(safeFileName("../../etc/passwd")).toBe("passwd");
    expect(safeFileName("C:\\Users\\bob\\report.pdf")).toBe("report.pdf");
    expect(safeFileName("evil\u202Efdp.exe")).toBe("evilfdp.exe");
    expect(safeFileName("a\nb\tc.txt")).toBe("a b c.txt");
    expect(safeFileName(".htaccess")).toBe("htaccess");
    expect(safeFileName("   ")).toBe("file");
  });

  it("keeps the extension when a long name is cut", () => {
    const name = safeFileName(`${"x".repeat(400)}.pdf`);
    expect(name).toHaveLength(255);
    expect(name.endsWith(".pdf")).toBe(true);
  });

  it("leaves markup as text (it is never rendered as HTML)", () => {
    expect(safeFileName("<img src=x onerror=alert(1)>.html")).toBe("<img src=x onerror=alert(1)>.html");
  });
});

describe("formatBytes", () => {
  it("reads like people write sizes", () => {
    expect(formatBytes(512)).toBe("512 B");
    expect(formatBytes(1536)).toBe("1.5 KB");
    expect(formatBytes(25 * 1024 * 1024)).toBe("25 MB");
  });
});
