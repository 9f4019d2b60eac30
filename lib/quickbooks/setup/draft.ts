import { ensureCan, type TActor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { parseInput } from "@/lib/validation";
import type { z } from "zod";
import { requireLiveConnection } from "../connection";
import type { TConfigurationDraft } from "./schemas";

/** The wizard's answers so far for the connected company (a draft for another company is ignored). */
export async function getSetupDraft(organizationId: string, realmId: string): Promise<TConfigurationDraft> {
  const draft = await db.quickBooksSetupDraft.findUnique({ where: { organizationId } });
  return draft && draft.realmId === realmId ? (draft.values as TConfigurationDraft) : {};
}

/** Validates one step's answers and merges them into the draft, so the wizard can be resumed. */
export async function saveSetupStep<TSchema extends z.ZodType<Record<string, unknown>>>(actor: TActor, schema: TSchema, input: unknown): Promise<TConfigurationDraft> {
  ensureCan(actor, "integrations.manage");
  const values = parseInput(schema, input);
  const connection = await requireLiveConnection(actor.organizationId);
  const merged = { ...(await getSetupDraft(actor.organizationId, connection.realmId)), ...values } as TConfigurationDraft;
  await db.quickBooksSetupDraft.upsert({
    where: { organizationId: actor.organizationId },
    create: { organizationId: actor.organizationId, realmId: connection.realmId, values: merged },
    update: { realmId: connection.realmId, values: merged },
  });
  return merged;
}
