const MAX_BASE_LENGTH = 40;

/** A readable, URL-safe slug: the name in kebab case plus a random suffix so names may repeat. */
export function roomSlug(name: string, randomSuffix: string): string {
  const base = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_BASE_LENGTH)
    .replace(/-+$/g, "");
  return base ? `${base}-${randomSuffix}` : `room-${randomSuffix}`;
}
