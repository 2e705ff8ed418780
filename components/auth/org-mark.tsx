/** The organization's logo mark: its initial on the brand colour (decorative; the name is always written next to it). */
export function OrgMark({ orgName }: { orgName: string }) {
  return (
    <span aria-hidden className="grid size-12 place-items-center rounded-xl bg-primary text-2xl font-bold text-on-primary">
      {orgName.slice(0, 1).toUpperCase()}
    </span>
  );
}
