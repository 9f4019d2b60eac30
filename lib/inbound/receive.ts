import { ZodError } from "zod";
import { AppError } from "@/lib/errors";
import { storeInboundChanges } from "./store";
import { parseWebhookBody } from "./webhook-payload";

/** A signed delivery: parsed (either format), stored once per change, queued; answered at once. */
export async function receiveQuickBooksWebhook(rawBody: string): Promise<{ stored: number; ignored: number } | AppError> {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    return new AppError("INVALID_INPUT", "The body is not valid JSON.", { details: ["body: not valid JSON"] });
  }
  try {
    return await storeInboundChanges(parseWebhookBody(json), "webhook");
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    return new AppError("INVALID_INPUT", "The body is not a QuickBooks change notification.", { details: error.issues.slice(0, 10).map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`) });
  }
}
