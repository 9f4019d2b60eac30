import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./globals.css";
import { Providers } from "@/components/layout/providers";

// Every page is rendered per request, so each carries the script nonce of its own
// Content-Security-Policy (set by the request gate, scripts/serve.ts); nothing is prerendered.
export const dynamic = "force-dynamic";

export const metadata: Metadata = {
  title: { default: "Workcenter", template: "%s · Workcenter" },
  description: "Jobs, payouts and QuickBooks Online for machine shops",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}
