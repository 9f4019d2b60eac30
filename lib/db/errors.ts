/** Prisma's unique-constraint error (P2002), recognised by its code, never by its text. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === "P2002";
}
