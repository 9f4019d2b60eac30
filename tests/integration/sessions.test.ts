import { describe, expect, it } from "vitest";
import { hashPassword } from "@/lib/auth/password";
import { findSessionContext, signIn, signOut } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { createTestShop } from "../factories/shops";

describe("sign-in sessions", () => {
  it("signs in with the right password only, stores no raw token, and signs out", async () => {
    const shop = await createTestShop();
    const email = `person-${Date.now()}@shop.test`;
    await db.user.create({
      data: { email, name: "Pat", passwordHash: await hashPassword("correct horse"), memberships: { create: { organizationId: shop.organizationId, role: "BOOKKEEPER" } } },
    });
    expect(await signIn(email, "wrong")).toBeNull();
    expect(await signIn("nobody@shop.test", "correct horse")).toBeNull();
    const session = await signIn(email.toUpperCase(), "correct horse");
    expect(session).not.toBeNull();
    expect(await db.session.count({ where: { tokenHash: session!.token } })).toBe(0);
    const context = await findSessionContext(session!.token);
    expect(context).toMatchObject({ email, role: "BOOKKEEPER", organizationId: shop.organizationId });
    await signOut(session!.token);
    expect(await findSessionContext(session!.token)).toBeNull();
  });

  it("loses access at once when the membership is removed or the session expires", async () => {
    const shop = await createTestShop();
    const email = `leaver-${Date.now()}@shop.test`;
    const user = await db.user.create({
      data: { email, name: "Lee", passwordHash: await hashPassword("pw-123456"), memberships: { create: { organizationId: shop.organizationId, role: "ADMIN" } } },
    });
    const session = (await signIn(email, "pw-123456"))!;
    await db.membership.deleteMany({ where: { userId: user.id } });
    expect(await findSessionContext(session.token)).toBeNull();
    expect(await findSessionContext("made-up-token")).toBeNull();
    expect(await findSessionContext(undefined)).toBeNull();
  });
});
