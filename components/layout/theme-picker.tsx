"use client";

import { useAction } from "next-safe-action/hooks";
import { useId, useState, useSyncExternalStore } from "react";
import { toast } from "sonner";
import { setThemeAction } from "@/app/preferences/actions";
import { resolveTheme, type Theme, type ThemeChoice, themeChoiceSchema } from "@/lib/domain/theme";

const labels: Record<ThemeChoice | Theme, string> = { system: "System", light: "Light", dark: "Dark", contrast: "High contrast" };
const darkQuery = "(prefers-color-scheme: dark)";
const contrastQuery = "(prefers-contrast: more)";

function subscribe(onChange: () => void) {
  const queries = [window.matchMedia(darkQuery), window.matchMedia(contrastQuery)];
  for (const query of queries) query.addEventListener("change", onChange);
  return () => queries.forEach((query) => query.removeEventListener("change", onChange));
}

/** What "System" draws right now, so the option can say it; null while rendering on the server. */
function useSystemTheme(): Theme | null {
  return useSyncExternalStore(
    subscribe,
    () => resolveTheme("system", { prefersDark: window.matchMedia(darkQuery).matches, prefersMoreContrast: window.matchMedia(contrastQuery).matches }),
    () => null,
  );
}

/**
 * The person's theme. The page switches at once (`data-theme` on <html>); the action stores the choice on the user
 * and in the cookie the root layout renders from.
 */
export function ThemePicker({ choice }: { choice: ThemeChoice }) {
  const id = useId();
  const systemTheme = useSystemTheme();
  const [selected, setSelected] = useState(choice);
  const { execute } = useAction(setThemeAction, {
    onError: ({ error }) => {
      setSelected(choice);
      document.documentElement.dataset.theme = choice;
      toast.error(error.serverError ?? "Your theme could not be saved.");
    },
  });
  const pick = (theme: ThemeChoice) => {
    setSelected(theme);
    document.documentElement.dataset.theme = theme;
    execute({ theme });
  };
  return (
    <span className="flex items-center gap-2">
      <label htmlFor={id}>Theme</label>
      <select id={id} value={selected} onChange={(event) => pick(themeChoiceSchema.parse(event.target.value))} className="rounded-md border border-line-strong bg-surface px-2 py-1 text-fg">
        {themeChoiceSchema.options.map((option) => (
          <option key={option} value={option}>
            {option === "system" && systemTheme ? `System (${labels[systemTheme]})` : labels[option]}
          </option>
        ))}
      </select>
    </span>
  );
}
