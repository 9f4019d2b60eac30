// POST /api/integrations/quickbooks-desktop/qbwc – the QuickBooks Web Connector's SOAP service (its own login and tickets)
// GET  /api/integrations/quickbooks-desktop/qbwc?wsdl – the service description
import { BODY_LIMITS, readBody } from "@/lib/http/body";
import { ensureSameOrigin, errorResponse } from "@/lib/http/route-helpers";
import { buildQbwcWsdl, handleQbwcRequest } from "@/lib/quickbooks-desktop/soap-server";
import { getEnv } from "@/lib/env";
import { getClientAddress } from "@/lib/security/client-address";

/** qbXML answers (a page of a list, an added invoice) fit in the webhook limit; the Web Connector sends no Origin. */
const QBWC_BODY_LIMIT = BODY_LIMITS.webhook;

export async function POST(request: Request) {
  let body: string;
  try {
    ensureSameOrigin(request);
    body = await readBody(request, QBWC_BODY_LIMIT);
  } catch (error) {
    return errorResponse(error);
  }
  const reply = await handleQbwcRequest(body, getClientAddress(request.headers));
  return new Response(reply.body, { status: reply.status, headers: { "content-type": reply.contentType, "cache-control": "no-store" } });
}

export async function GET() {
  try {
    return new Response(buildQbwcWsdl(getEnv().APP_URL), { headers: { "content-type": "text/xml; charset=utf-8" } });
  } catch (error) {
    return errorResponse(error);
  }
}
