// GET /api/quickbooks/activity/export – every document matching the filters and search, as CSV
import { exportActivityCsv } from "@/lib/activity/activity-csv";
import { requireActor } from "@/lib/auth/current";
import { todayCalendarDate } from "@/lib/dates";
import { errorResponse } from "@/lib/http/route-helpers";

export async function GET(request: Request) {
  try {
    const actor = await requireActor("invoices.manage");
    const query = Object.fromEntries(new URL(request.url).searchParams);
    const stream = await exportActivityCsv(actor, query);
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="quickbooks-activity-${todayCalendarDate()}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
