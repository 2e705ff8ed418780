/** Splits what someone pasted (commas, semicolons, spaces, new lines) into distinct lower-case entries. */
export function parseEmailList(text: string): string[] {
  const entries = text
    .split(/[\s,;]+/)
    .map((entry) => entry.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(entries)];
}
