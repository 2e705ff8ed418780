import type { Metadata } from "next";
import type { ReactNode } from "react";
import { Toaster } from "sonner";
import { currentThemeChoice } from "@/lib/server/session/current-theme-choice";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: process.env.ORG_NAME ?? "Confer", template: `%s · ${process.env.ORG_NAME ?? "Confer"}` },
  description: "Video meetings for your organization.",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The theme is chosen on the server (app/globals.css draws "system" from the media queries), so no flash.
  return (
    <html lang="en" data-theme={await currentThemeChoice()}>
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
