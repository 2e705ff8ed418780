"use client";

import { toast } from "sonner";
import { Button } from "@/components/ui/button";

export function CopyLinkButton({ path }: { path: string }) {
  return (
    <Button
      variant="secondary"
      onClick={async () => {
        const url = new URL(path, window.location.origin).toString();
        try {
          await navigator.clipboard.writeText(url);
          toast.success("Join link copied");
        } catch {
          toast.error(`Copy failed. The link is ${url}`);
        }
      }}
    >
      Copy join link
    </Button>
  );
}
