import type { Role } from "@/lib/generated/prisma/enums";
import { AppError } from "@/lib/errors";

/** What each role may change. Every mutation checks one of these; reading is open to members. */
export const PERMISSIONS = {
  "jobs.operate": ["OWNER", "ADMIN", "OPERATOR"],
  "jobs.reprice": ["OWNER", "ADMIN"],
  "in-house.manage": ["OWNER", "ADMIN", "OPERATOR", "BOOKKEEPER"],
  "payouts.simulate": ["OWNER", "ADMIN"],
  "integrations.manage": ["OWNER", "ADMIN"],
  "invoices.manage": ["OWNER", "ADMIN", "BOOKKEEPER"],
  "quickbooks.lookup": ["OWNER", "ADMIN", "BOOKKEEPER"],
  "security.view": ["OWNER"],
} as const satisfies Record<string, readonly Role[]>;

export type TPermission = keyof typeof PERMISSIONS;

export function can(role: Role, permission: TPermission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}

export type TActor = { userId: string; organizationId: string; role: Role };

export function ensureCan(actor: TActor, permission: TPermission): void {
  if (!can(actor.role, permission)) {
    throw new AppError("FORBIDDEN", "Your role does not allow this action. Ask an owner or admin of your shop.");
  }
}

export const ROLE_LABELS: Record<Role, string> = {
  OWNER: "Owner",
  ADMIN: "Admin",
  BOOKKEEPER: "Bookkeeper",
  OPERATOR: "Operator",
};
