import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { startBackfill } from "@/lib/invoicing/backfill";
import { MAX_DOCUMENTS_PER_SESSION } from "@/lib/quickbooks-desktop/queue/session-context";
import { hasDesktopWork } from "@/lib/quickbooks-desktop/work";
import { createDesktopShop, createTestCompanyFile, pollOnce, requestTypes } from "../factories/desktop";
import { createXometryJob } from "../factories/shops";

describe("the Desktop queue", () => {
  it("hands out at most 50 documents an update, oldest first, with a rising percent; the rest at the next poll", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file);
    await pollOnce(shop, file); // the lists
    const count = MAX_DOCUMENTS_PER_SESSION + 5;
    for (let index = 0; index < count; index += 1) await createXometryJob(shop, { status: "SHIPPED", number: `J-6${String(index).padStart(4, "0")}` });
    expect((await startBackfill(shop.actors.bookkeeper)).total).toBe(count);

    const first = await pollOnce(shop, file);
    expect(requestTypes(first.requests)).toEqual(Array(MAX_DOCUMENTS_PER_SESSION).fill("InvoiceAddRq"));
    expect(first.percents.at(-1)).toBe(100);
    expect(first.percents.slice(0, -1).every((percent, index, all) => percent < 100 && (index === 0 || percent >= all[index - 1]!))).toBe(true);
    const rows = await db.quickBooksSync.findMany({ where: { organizationId: shop.organizationId, kind: "INVOICE" }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.filter((row) => row.status === "SYNCED").map((row) => row.id)).toEqual(rows.slice(0, MAX_DOCUMENTS_PER_SESSION).map((row) => row.id));
    expect(await hasDesktopWork(shop.organizationId)).toBe(true);

    const second = await pollOnce(shop, file);
    expect(requestTypes(second.requests)).toEqual(Array(5).fill("InvoiceAddRq"));
    expect(await db.quickBooksSync.count({ where: { organizationId: shop.organizationId, kind: "INVOICE", status: "SYNCED" } })).toBe(count);
    expect(new Set(file.admin.invoices().map((invoice) => invoice.RefNumber)).size).toBe(count);
    expect(await hasDesktopWork(shop.organizationId)).toBe(false);
  });
});
