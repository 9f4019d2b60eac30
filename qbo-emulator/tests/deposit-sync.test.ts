// Deposits beyond CRUD: requestid replay, batch, CDC, the admin entities endpoint, the company UI and XML.
import { describe, expect, it } from "vitest";
import { ACCOUNTS, buildAccountLine, buildDepositBody, buildLinkedLine, createUndepositedPayment } from "./deposit-helpers";
import { ACME, admin, mustQbo, rawApi, useTestEmulator } from "./helpers";

const ctx = useTestEmulator();

async function createSmallDeposit(note: string): Promise<{ deposit: any; payment: any }> {
  const payment = await createUndepositedPayment(ctx.qbo, "1", 250);
  const deposit = await mustQbo(ctx.qbo, "createDeposit", buildDepositBody(
    [buildLinkedLine(payment), buildAccountLine(ACCOUNTS.bankFees, -7.5, "FastPay fee")],
    { PrivateNote: note },
  ));
  return { deposit, payment };
}

describe("deposit idempotency and sync", () => {
  it("replays a create sent again with the same requestid (node-quickbooks requestId), writing one deposit", async () => {
    const payment = await createUndepositedPayment(ctx.qbo, "1", 250);
    const body = () => ({ ...buildDepositBody([buildLinkedLine(payment)], { PrivateNote: "payout P-7" }), requestId: "deposit-P-7-attempt-1" });
    const first = await mustQbo(ctx.qbo, "createDeposit", body());
    const second = await mustQbo(ctx.qbo, "createDeposit", body());
    expect(second).toEqual(first);
    const { items } = await admin(ctx.emu, "GET", `/realms/${ACME}/entities/Deposit`);
    expect(items.map((d: any) => d.Id)).toEqual([first.Id]);
    const { requests } = await admin(ctx.emu, "GET", "/requests");
    expect(requests.filter((r: any) => r.path.endsWith("/deposit")).map((r: any) => r.note ?? "")).toEqual(["", "requestid replay"]);
  });

  it("replays a refused create too (raw HTTP), without running it again", async () => {
    const t = ctx.emu.issueTokens(ACME);
    const path = `/v3/company/${ACME}/deposit?requestid=negative-1`;
    const body = JSON.stringify(buildDepositBody([buildAccountLine(ACCOUNTS.bankFees, -1)]));
    const first = await rawApi(ctx.emu, t.access_token, "POST", path, body);
    const second = await rawApi(ctx.emu, t.access_token, "POST", path, JSON.stringify(buildDepositBody([buildAccountLine(ACCOUNTS.income, 1)])));
    expect(first.status).toBe(400);
    expect(first.json.Fault.Error[0].code).toBe("6000");
    expect(second.status).toBe(400);
    expect(second.text).toBe(first.text);
  });

  it("creates and queries deposits in a batch", async () => {
    const payment = await createUndepositedPayment(ctx.qbo, "1", 42.42);
    const res = await mustQbo(ctx.qbo, "batch", [
      { bId: "d1", operation: "create", Deposit: buildDepositBody([buildLinkedLine(payment)]) },
      { bId: "d2", operation: "create", Deposit: buildDepositBody([buildLinkedLine(payment)]) },
      { bId: "d3", Query: "select * from Deposit" },
    ]);
    const [d1, d2, d3] = res.BatchItemResponse;
    expect(d1.Deposit.TotalAmt).toBe(42.42);
    expect(d2.Fault.Error[0].code).toBe("6000");
    expect(d3.QueryResponse.Deposit.map((d: any) => d.Id)).toEqual([d1.Deposit.Id]);
  });

  it("shows created, updated and deleted deposits (and the payments they touch) in CDC", async () => {
    const since = new Date(Date.now() - 1000);
    const kept = await createSmallDeposit("kept");
    const gone = await createSmallDeposit("gone");
    await mustQbo(ctx.qbo, "deleteDeposit", { Id: gone.deposit.Id, SyncToken: gone.deposit.SyncToken });
    const res = await mustQbo(ctx.qbo, "changeDataCapture", ["Deposit", "Payment"], since);
    const [deposits, payments] = res.CDCResponse[0].QueryResponse;
    expect(deposits.Deposit.find((d: any) => d.Id === kept.deposit.Id)).toMatchObject({ PrivateNote: "kept", TotalAmt: 242.5 });
    expect(deposits.Deposit.find((d: any) => d.Id === gone.deposit.Id)).toMatchObject({ domain: "QBO", status: "Deleted" });
    const keptPayment = payments.Payment.find((p: any) => p.Id === kept.payment.Id);
    expect(keptPayment.LinkedTxn).toEqual([{ TxnId: kept.deposit.Id, TxnType: "Deposit" }]);
  });

  it("lists deposits in the admin entities endpoint, deleted ones flagged", async () => {
    const kept = await createSmallDeposit("kept");
    const gone = await createSmallDeposit("gone");
    await mustQbo(ctx.qbo, "deleteDeposit", gone.deposit.Id);
    const { entity, items } = await admin(ctx.emu, "GET", `/realms/${ACME}/entities/deposit`);
    expect(entity).toBe("Deposit");
    expect(items.find((d: any) => d.Id === kept.deposit.Id)).toMatchObject({ deleted: false, TotalAmt: 242.5, PrivateNote: "kept" });
    expect(items.find((d: any) => d.Id === gone.deposit.Id)).toMatchObject({ deleted: true });
  });

  it("lists deposits in the company UI, marks their payments Deposited, and deletes one", async () => {
    const { deposit, payment } = await createSmallDeposit("payout P-9");
    const list = await (await fetch(`${ctx.emu.url}/app/${ACME}/deposits`)).text();
    expect(list).toContain(`data-deposit-id="${deposit.Id}"`);
    expect(list).toContain("$242.50");
    expect(list).toContain("Bank Charges &amp; Fees: FastPay fee (-$7.50)");
    expect(list).toContain("payout P-9");
    const payments = await (await fetch(`${ctx.emu.url}/app/${ACME}/payments`)).text();
    expect(payments).toContain(`Deposited (Deposit ${deposit.Id})`);
    const del = await fetch(`${ctx.emu.url}/app/${ACME}/deposits/${deposit.Id}/delete`, { method: "POST", redirect: "manual" });
    expect(del.status).toBe(303);
    expect(del.headers.get("location")).toContain("notice=Deposit+deleted.");
    expect((await mustQbo(ctx.qbo, "getPayment", payment.Id)).LinkedTxn).toBeUndefined();
  });

  it("answers XML to a client that does not ask for JSON", async () => {
    const { deposit } = await createSmallDeposit("xml");
    const t = ctx.emu.issueTokens(ACME);
    const res = await fetch(`${ctx.emu.url}/v3/company/${ACME}/deposit/${deposit.Id}`, { headers: { Authorization: `Bearer ${t.access_token}` } });
    const xml = await res.text();
    expect(xml).toContain(`<Deposit domain="QBO" sparse="false">`);
    expect(xml).toContain(`<DepositToAccountRef name="Business Checking">1</DepositToAccountRef>`);
    expect(xml).toContain("<Amount>-7.50</Amount>");
    expect(xml).toContain("<TxnType>Payment</TxnType>");
  });
});
