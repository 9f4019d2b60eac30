// POST /api/webhooks/quickbooks – Intuit's change notifications (legacy or CloudEvents), signed with the app's verifier token
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { receiveSignedWebhook } from "@/lib/http/signed-webhook";
import { receiveQuickBooksWebhook } from "@/lib/inbound/receive";
import { isValidIntuitSignature } from "@/lib/inbound/webhook-payload";

export async function POST(request: Request) {
  return receiveSignedWebhook(request, {
    name: "quickbooks",
    signatureHeader: "intuit-signature",
    isSigned: (rawBody, signature) => isValidIntuitSignature(rawBody, signature, process.env.QBO_WEBHOOK_VERIFIER_TOKEN ?? ""),
    handle: async (rawBody) => {
      const result = await receiveQuickBooksWebhook(rawBody);
      if (result instanceof AppError) throw result;
      return NextResponse.json(result, { status: 200 });
    },
  });
}
