import { db } from "@/lib/db/client";
import type { TConfigurationChanges } from "./save-configuration";

/** The saved configuration for the organization's current company, with its audit trail. */
export async function getQuickBooksConfiguration(organizationId: string) {
  const configuration = await db.quickBooksConfiguration.findUnique({
    where: { organizationId },
    include: { changes: { orderBy: { createdAt: "desc" }, take: 20 } },
  });
  if (!configuration) return null;
  const userIds = [...new Set(configuration.changes.map((change) => change.userId))];
  const users = await db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } });
  const names = new Map(users.map((user) => [user.id, user.name]));
  return {
    ...configuration,
    changes: configuration.changes.map((change) => ({
      id: change.id,
      createdAt: change.createdAt,
      userName: names.get(change.userId) ?? "A former member",
      changes: change.changes as TConfigurationChanges,
    })),
  };
}

export type TQuickBooksConfigurationView = NonNullable<Awaited<ReturnType<typeof getQuickBooksConfiguration>>>;
