/**
 * The organization's mark: its logo when an admin uploaded one, else its initial on the brand colour. Decorative
 * either way (empty alt): the name is always written next to it.
 */
export function OrgMark({ name, logoUrl, size = "large" }: { name: string; logoUrl: string | null; size?: "small" | "large" }) {
  const box = size === "large" ? "size-12 rounded-xl text-2xl" : "size-8 rounded-md";
  if (logoUrl) {
    return (
      // eslint-disable-next-line @next/next/no-img-element -- a small logo from our own route, already sized and cached (ETag)
      <img src={logoUrl} alt="" data-testid="org-logo" className={`${box} object-contain`} />
    );
  }
  return (
    <span aria-hidden data-testid="org-initial" className={`grid place-items-center bg-primary font-bold text-on-primary ${box}`}>
      {name.slice(0, 1).toUpperCase()}
    </span>
  );
}
