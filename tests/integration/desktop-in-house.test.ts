import { describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { linkCustomer } from "@/lib/customers/link-customer";
import { getBackfillProgress, startBackfill } from "@/lib/invoicing/backfill";
import { emailInvoice } from "@/lib/invoicing/email-invoice";
import { getInvoicePdf } from "@/lib/invoicing/invoice-pdf";
import { createInHouseInvoice } from "@/lib/invoicing/manual-invoices";
import { createInHouseJob } from "@/lib/jobs/in-house-jobs";
import { NOT_WITH_DESKTOP } from "@/lib/quickbooks/connection";
import { createDesktopShop, createTestCompanyFile, pollOnce, requestTypes } from "../factories/desktop";
import { createXometryJob } from "../factories/shops";

describe("in-house and historical invoices on QuickBooks Desktop", () => {
  it("Create Invoice for an in-house job checks the customer and items against the company file's lists, then InvoiceAdd at the next poll", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file);
    await pollOnce(shop, file); // the lists
    const listId = (entries: { Name: string; ListID: string }[], name: string) => entries.find((entry) => entry.Name === name)!.ListID;
    const customer = listId(file.admin.customers(), "Great Lakes Aerospace");
    const parts = listId(file.admin.items(), "Parts");
    const job = await createInHouseJob(shop.actors.operator, {
      customerName: "Great Lakes Aerospace",
      title: "Grippers",
      lineItems: [
        { description: "Finger, 6061", quantity: 4, unitPrice: "12.35" },
        { description: "Anodize", quantity: 1, unitPrice: "45.00" },
      ],
    });
    const lines = await db.jobLineItem.findMany({ where: { jobId: job.id }, orderBy: { position: "asc" } });
    await expect(createInHouseInvoice(shop.actors.bookkeeper, job.id, { customerId: "80000999-1796144299", lines: lines.map((line) => ({ lineItemId: line.id, description: line.description, itemId: parts })) })).rejects.toMatchObject({
      userMessage: "That customer was not found in your QuickBooks company.",
    });
    await createInHouseInvoice(shop.actors.bookkeeper, job.id, {
      customerId: customer,
      lines: [
        { lineItemId: lines[0]!.id, description: "Gripper finger, 6061-T6", itemId: parts },
        { lineItemId: lines[1]!.id, description: "Anodize", itemId: shop.ids.item },
      ],
    });
    const poll = await pollOnce(shop, file);
    expect(requestTypes(poll.requests)).toEqual(["InvoiceAddRq"]);
    const [invoice] = file.admin.invoices();
    expect(invoice).toMatchObject({ Customer: { ListID: customer }, RefNumber: job.number, SubtotalCents: 4 * 1235 + 4500 });
    expect(invoice!.lines.map((line) => [line.Item?.ListID, line.Desc, line.Quantity, line.AmountCents])).toEqual([
      [parts, "Gripper finger, 6061-T6", "4", 4940],
      [shop.ids.item, "Anodize", "1", 4500],
    ]);
    expect(await db.quickBooksSync.findFirstOrThrow({ where: { jobId: job.id } })).toMatchObject({ status: "SYNCED", qboCustomerName: "Great Lakes Aerospace", qboTotalCents: 9440 });
    // The customer is remembered for the name, with its Desktop ListID.
    expect(await db.quickBooksCustomerLink.findFirst({ where: { organizationId: shop.organizationId } })).toMatchObject({ qboCustomerId: customer, realmId: shop.realmId });
    await expect(linkCustomer(shop.actors.bookkeeper, { customerName: "Hawthorne Robotics", qboCustomerId: "80000999-1796144299" })).rejects.toMatchObject({ code: "INVALID_INPUT" });
  });

  it("historical invoices (backfill) go at the next poll, one InvoiceAdd each", async () => {
    const file = createTestCompanyFile();
    const shop = await createDesktopShop(file);
    const jobs = [];
    for (let index = 0; index < 3; index += 1) jobs.push(await createXometryJob(shop, { status: "SHIPPED", number: `J-7700${index}` }));
    expect((await startBackfill(shop.actors.bookkeeper)).total).toBe(3);
    await pollOnce(shop, file);
    expect(file.admin.invoices().map((invoice) => invoice.RefNumber).sort()).toEqual(["J-77000", "J-77001", "J-77002"]);
    expect(await getBackfillProgress(shop.organizationId)).toMatchObject({ total: 3, done: 3, failed: 0, isFinished: true });
    // What only QuickBooks Online does (the PDF, emailing through QuickBooks) says so in words.
    await expect(getInvoicePdf(shop.actors.bookkeeper, jobs[0]!.id)).rejects.toMatchObject({ userMessage: NOT_WITH_DESKTOP });
    await expect(emailInvoice(shop.actors.bookkeeper, jobs[0]!.id)).rejects.toMatchObject({ userMessage: NOT_WITH_DESKTOP });
  });
});
