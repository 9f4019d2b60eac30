"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { config as configureZod } from "zod/v4/core";

// In the browser zod must not probe `new Function` (its JIT): the Content-Security-Policy forbids
// eval, and even the caught attempt is reported as a violation. The server keeps the JIT.
if (typeof window !== "undefined") configureZod({ jitless: true });

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }));
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
