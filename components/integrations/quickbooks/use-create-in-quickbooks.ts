"use client";

import { useState } from "react";

/** A "Create … in QuickBooks" button's request: POST to a lookup route, its error in plain words. */
export function useCreateInQuickBooks<T>(path: string, body?: unknown) {
  const [error, setError] = useState<string | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const create = async (): Promise<T | null> => {
    setIsCreating(true);
    setError(null);
    try {
      const init = body === undefined ? {} : { headers: { "content-type": "application/json" }, body: JSON.stringify(body) };
      const response = await fetch(path, { method: "POST", ...init });
      const json = (await response.json().catch(() => ({}))) as { message?: string };
      if (response.ok) return json as T;
      setError(json.message ?? "QuickBooks did not create it. Please try again.");
      return null;
    } catch {
      setError("QuickBooks could not be reached. Please try again.");
      return null;
    } finally {
      setIsCreating(false);
    }
  };
  return { create, error, setError, isCreating };
}
