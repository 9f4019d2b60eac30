import { db } from "@/lib/db/client";
import type { SignInEventKind, SignInLockScope } from "@/lib/generated/prisma/enums";
import { ensureCan, type TActor } from "./permissions";

export type TSignInClient = { address: string; userAgent: string | null };

export type TSignInEventInput = TSignInClient & {
  kind: SignInEventKind;
  email: string;
  userId?: string | null;
  lockScope?: SignInLockScope;
  lockedUntil?: Date | null;
};

const USER_AGENT_MAX = 300;

/** Who, when, from where, and what happened. Never a password. */
export async function recordSignInEvent(input: TSignInEventInput): Promise<void> {
  await db.signInEvent.create({
    data: {
      kind: input.kind,
      email: input.email.slice(0, 200),
      userId: input.userId ?? null,
      address: input.address,
      userAgent: input.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      lockScope: input.lockScope ?? null,
      lockedUntil: input.lockedUntil ?? null,
    },
  });
}

export const SIGN_IN_ACTIVITY_LIMIT = 200;

/** The latest sign-in events of the shop's members, for its owner. */
export async function listSignInActivity(actor: TActor) {
  ensureCan(actor, "security.view");
  return db.signInEvent.findMany({
    where: { user: { memberships: { some: { organizationId: actor.organizationId } } } },
    orderBy: { createdAt: "desc" },
    take: SIGN_IN_ACTIVITY_LIMIT,
    select: { id: true, kind: true, email: true, address: true, userAgent: true, lockScope: true, lockedUntil: true, createdAt: true, user: { select: { name: true } } },
  });
}

export type TSignInActivity = Awaited<ReturnType<typeof listSignInActivity>>;
