import { AppError, toUserMessage } from "@/lib/errors";
import { getLogger } from "@/lib/logger";
import { fieldErrorsOf } from "@/lib/validation";

export type TActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; message: string; fieldErrors: Record<string, string> };

const log = getLogger("action");

/** Runs a server action body; expected failures become plain messages, anything else a generic one. */
export async function runAction<T>(name: string, body: () => Promise<T>, successMessage?: string): Promise<TActionResult<T>> {
  try {
    return { ok: true, data: await body(), message: successMessage };
  } catch (error) {
    if (!(error instanceof AppError)) log.error({ err: error, action: name }, "action failed");
    return { ok: false, message: toUserMessage(error), fieldErrors: fieldErrorsOf(error) };
  }
}
