import crypto from "node:crypto";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";

export const TEST_PASSWORD = "correct horse battery";

let hashed: Promise<string> | undefined;

/** A person who can sign in (password TEST_PASSWORD) as a member of the organization. */
export async function createPerson(organizationId: string, role: Role = "OPERATOR") {
  hashed ??= hashPassword(TEST_PASSWORD);
  const email = `${role.toLowerCase()}-${crypto.randomBytes(4).toString("hex")}@people.test`;
  return db.user.create({
    data: { email, name: `Person ${email.slice(0, 8)}`, passwordHash: await hashed, memberships: { create: { organizationId, role } } },
  });
}

/** A fresh documentation-range IPv6 address (its own /64), so address throttles never carry over. */
export function createTestAddress(): string {
  const group = () => crypto.randomBytes(2).toString("hex");
  return `2001:db8:${group()}:${group()}::1`;
}
