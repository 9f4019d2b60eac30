import { AppError } from "@/lib/errors";

/**
 * For list pages: the page, or what is wrong with the query string in words (a stale cursor, a
 * date typed by hand). Anything but an AppError is a real failure and is thrown.
 */
export async function loadListPage<T>(load: () => Promise<T>): Promise<{ page: T; error: null } | { page: null; error: string }> {
  try {
    return { page: await load(), error: null };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { page: null, error: [error.userMessage, ...(error.details ?? [])].join(" ") };
  }
}
