import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { QuickBooksApi } from "./api";
import { QuickBooksError, QuickBooksReconnectRequiredError } from "./errors";

/** The organization's live connection (QuickBooks Online or Desktop), or a plain-words error. */
export async function requireLiveConnection(organizationId: string) {
  const connection = await db.quickBooksConnection.findUnique({ where: { organizationId } });
  if (!connection || connection.status === "DISCONNECTED") {
    throw new AppError("CONFLICT", "QuickBooks is not connected. Connect it on the Integrations page first.");
  }
  if (connection.status === "NEEDS_RECONNECT") {
    throw new AppError("CONFLICT", "QuickBooks needs to be reconnected on the Integrations page before this can be done.");
  }
  return connection;
}

export const NOT_WITH_DESKTOP = "This is not available with QuickBooks Desktop yet: do it in QuickBooks Desktop itself.";

/** The organization's live QuickBooks Online connection and its API, or a plain-words error (also for a Desktop shop). */
export async function requireQuickBooksApi(organizationId: string) {
  const connection = await requireLiveConnection(organizationId);
  if (connection.transport === "DESKTOP") throw new AppError("CONFLICT", NOT_WITH_DESKTOP);
  return { connection, api: new QuickBooksApi(connection.id) };
}

/** QuickBooks failures seen by a person at an interactive step, in plain words. */
export function toInteractiveError(error: unknown): unknown {
  if (error instanceof QuickBooksReconnectRequiredError) {
    return new AppError("CONFLICT", "QuickBooks needs to be reconnected on the Integrations page before this can be done.");
  }
  if (error instanceof QuickBooksError) return new AppError("UNPROCESSABLE", error.userMessage, { message: error.message });
  return error;
}
