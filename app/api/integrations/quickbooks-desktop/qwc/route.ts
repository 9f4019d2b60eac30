// GET /api/integrations/quickbooks-desktop/qwc – the shop's Web Connector file (.qwc) as a download
import { requireActor } from "@/lib/auth/current";
import { getEnv } from "@/lib/env";
import { errorResponse } from "@/lib/http/route-helpers";
import { getDesktopQwcFile } from "@/lib/quickbooks-desktop/connect";

export async function GET() {
  try {
    const file = await getDesktopQwcFile(await requireActor("integrations.manage"), getEnv().APP_URL);
    return new Response(file.text, {
      headers: { "content-type": "application/xml; charset=utf-8", "content-disposition": `attachment; filename="${file.fileName}"`, "cache-control": "no-store" },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
