import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Transports that pull their rows instead of having the worker push them (e.g. a connector that
 * polls us). Registered by the composition root; the spine only asks "is this realm pulled?", so it
 * names no transport. A pulled row is never claimed, swept or queued by the push worker: it stays
 * PENDING with the transport's words until its own transport hands it out.
 */
export type TPulledTransport = { name: string; realmPrefix: string; waitingMessage: string };

const registry = globalThis as unknown as { workcenterPulledTransports?: TPulledTransport[] };

export function registerPulledTransport(transport: TPulledTransport): void {
  registry.workcenterPulledTransports ??= [];
  if (registry.workcenterPulledTransports.some((known) => known.name === transport.name)) throw new Error(`Transport ${transport.name} is already registered`);
  registry.workcenterPulledTransports.push(transport);
}

function getPulledTransports(): TPulledTransport[] {
  return registry.workcenterPulledTransports ?? [];
}

/** The transport that pulls this realm's rows, or undefined when the worker pushes them. */
export function getPulledTransport(realmId: string): TPulledTransport | undefined {
  return getPulledTransports().find((transport) => realmId.startsWith(transport.realmPrefix));
}

/** Narrows a sync row query to the rows the push worker sends (no pulled realm). */
export function pushedRealmsOnly(): Prisma.QuickBooksSyncWhereInput {
  const prefixes = getPulledTransports().map((transport) => transport.realmPrefix);
  return prefixes.length ? { NOT: prefixes.map((prefix) => ({ realmId: { startsWith: prefix } })) } : {};
}

/** SQL twin of pushedRealmsOnly, for raw queries on "QuickBooksSync" (prefixes are fixed strings, never input). */
export function pushedRealmsOnlySql(): string {
  return getPulledTransports()
    .map((transport) => ` AND "realmId" NOT LIKE '${transport.realmPrefix.replace(/[^a-z0-9-]/gi, "")}%'`)
    .join("");
}
