import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { findSessionContext, signOut } from "@/lib/auth/sessions";
import { attemptSignIn } from "@/lib/auth/sign-in";
import { db } from "@/lib/db/client";
import { createTestShop } from "../factories/shops";

const client = { address: "203.0.113.10", userAgent: "vitest" };

describe("sign-in sessions", () => {
  it("signs in with the right password only, stores no raw token, and signs out", async () => {
    const shop = await createTestShop();
    const email = `person-${Date.now()}@shop.test`;
    await db.user.create({
      data: { email, name: "Pat", passwordHash: await hashPassword("correct horse"), memberships: { create: { organizationId: shop.organizationId, role: "BOOKKEEPER" } } },
    });
    expect(await attemptSignIn({ email, password: "wrong", client })).toMatchObject({ ok: false, reason: "invalid" });
    expect(await attemptSignIn({ email: "nobody@shop.test", password: "correct horse", client })).toMatchObject({ ok: false, reason: "invalid" });
    const session = await attemptSignIn({ email: email.toUpperCase(), password: "correct horse", client });
    if (!session.ok) throw new Error("expected a session");
    expect(await db.session.count({ where: { tokenHash: session.token } })).toBe(0);
    const context = await findSessionContext(session.token);
    expect(context).toMatchObject({ email, role: "BOOKKEEPER", organizationId: shop.organizationId });
    await signOut(session.token);
    expect(await findSessionContext(session.token)).toBeNull();
  });

  it("loses access at once when the membership is removed", async () => {
    const shop = await createTestShop();
    const email = `leaver-${Date.now()}@shop.test`;
    const user = await db.user.create({
      data: { email, name: "Lee", passwordHash: await hashPassword("pw-123456"), memberships: { create: { organizationId: shop.organizationId, role: "ADMIN" } } },
    });
    const session = await attemptSignIn({ email, password: "pw-123456", client });
    if (!session.ok) throw new Error("expected a session");
    await db.membership.deleteMany({ where: { userId: user.id } });
    expect(await findSessionContext(session.token)).toBeNull();
    expect(await findSessionContext("made-up-token")).toBeNull();
    expect(await findSessionContext(undefined)).toBeNull();
  });
});
