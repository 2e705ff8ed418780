import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { currentBranding } from "@/lib/server/branding/current-branding";
import { currentThemeChoice } from "@/lib/server/session/current-theme-choice";
import "./globals.css";

/** The organization's name in every tab title, from its branding (read per request: a change needs no rebuild). */
export async function generateMetadata(): Promise<Metadata> {
  await connection();
  const { displayName } = await currentBranding();
  return {
    title: { default: displayName, template: `%s · ${displayName}` },
    description: "Video meetings for your organization.",
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  await connection();
  const branding = await currentBranding();
  // The theme is chosen on the server (app/globals.css draws "system" from the media queries), so no flash.
  return (
    <html lang="en" data-theme={await currentThemeChoice()}>
      <head>
        {/* The admin's colours over the theme's brand and accent variables; unlayered, so it wins over @theme. */}
        {branding.style ? <style id="org-branding">{branding.style}</style> : null}
      </head>
      <body className="min-h-screen bg-canvas text-fg antialiased">
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
          Skip to content
        </a>
        {children}
        <Toaster position="bottom-right" richColors closeButton />
      </body>
    </html>
  );
}
