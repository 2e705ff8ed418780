/**
 * What Confer accepts as a shared file and how it offers it back: pure rules, so the upload route, the download
 * route and the chat UI agree. The bytes decide (file-type's detection), never the name or the browser's word.
 */

export const DEFAULT_UPLOAD_MAX_BYTES = 25 * 1024 * 1024;
export const MAX_FILE_NAME_LENGTH = 255;

/** The only types ever shown inline (thumbnails, the viewer): raster images, never SVG or HTML. */
export const INLINE_IMAGE_TYPES: ReadonlySet<string> = new Set(["image/png", "image/jpeg", "image/gif", "image/webp"]);

/** Refused unless FILE_UPLOAD_BLOCKED_TYPES says otherwise: programs and installers, by their detected type. */
export const DEFAULT_BLOCKED_TYPES: readonly string[] = [
  "application/x-msdownload",
  "application/x-dosexec",
  "application/x-elf",
  "application/x-mach-binary",
  "application/x-msi",
  "application/vnd.android.package-archive",
  "application/x-deb",
  "application/x-rpm",
  "application/x-apple-diskimage",
];

export type UploadRefusal = { readonly code: "too_large" | "empty" | "blocked_type" | "type_mismatch"; readonly message: string };

export type UploadFacts = {
  readonly size: number;
  readonly declaredType: string;
  /** From the bytes; null for formats without a signature (text, CSV, HTML, SVG). */
  readonly detectedType: string | null;
};

export type UploadLimits = { readonly maxBytes: number; readonly blockedTypes: readonly string[] };

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value >= 10 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

export function refuseOversize(size: number, maxBytes: number): UploadRefusal | null {
  if (size > maxBytes) return { code: "too_large", message: `Files can be at most ${formatBytes(maxBytes)}; this one is ${formatBytes(size)}.` };
  if (size === 0) return { code: "empty", message: "The file is empty." };
  return null;
}

/** Why a stored-to-be file is refused, or null when it may be offered. */
export function refuseUpload(facts: UploadFacts, limits: UploadLimits): UploadRefusal | null {
  const sizeRefusal = refuseOversize(facts.size, limits.maxBytes);
  if (sizeRefusal) return sizeRefusal;
  const blocked = new Set(limits.blockedTypes.map((type) => type.toLowerCase()));
  const declared = facts.declaredType.toLowerCase();
  if ((facts.detectedType && blocked.has(facts.detectedType)) || blocked.has(declared)) {
    return { code: "blocked_type", message: "Programs and installers can't be shared in chat." };
  }
  // Only a claim to be an inline image matters (the chat would show it): the bytes must back it.
  if (INLINE_IMAGE_TYPES.has(declared) && facts.detectedType !== declared) {
    return { code: "type_mismatch", message: `The file says it is ${declared}, but its contents are ${facts.detectedType ?? "something else"}.` };
  }
  return null;
}

/** The type downloads are served with: what the bytes are, or opaque bytes when they have no signature. */
export function servedType(detectedType: string | null): string {
  return detectedType ?? "application/octet-stream";
}

export function mayShowInline(detectedType: string | null): boolean {
  return detectedType !== null && INLINE_IMAGE_TYPES.has(detectedType);
}

/**
 * A name fit to show and to offer as a download: no path, no control or bidi-override characters, no leading
 * dots, bounded length (the extension kept when it has to be cut).
 */
export function safeFileName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .replace(/\s+/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "")
    .trim()
    .replace(/^\.+/, "");
  if (cleaned.length === 0) return "file";
  if (cleaned.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf(".");
  const extension = dot > 0 && cleaned.length - dot <= 16 ? cleaned.slice(dot) : "";
  return cleaned.slice(0, MAX_FILE_NAME_LENGTH - extension.length) + extension;
}
