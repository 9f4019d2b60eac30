import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Parses input at a boundary; a failure is an INVALID_INPUT AppError listing each reason by field. */
export function parseInput<TSchema extends z.ZodType>(schema: TSchema, input: unknown): z.output<TSchema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new AppError("INVALID_INPUT", "Some of the information is not valid. Check the highlighted fields.", {
    details: formatIssues(result.error),
  });
}

export function formatIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message));
}

/** Field → first message, for showing errors next to form fields. */
export function fieldErrorsOf(error: unknown): Record<string, string> {
  if (!(error instanceof AppError) || !error.details) return {};
  const fields: Record<string, string> = {};
  for (const detail of error.details) {
    const separator = detail.indexOf(": ");
    if (separator < 0) continue;
    const field = detail.slice(0, separator);
    fields[field] ??= detail.slice(separator + 2);
  }
  return fields;
}

/** Query strings send an empty field for "any": read it as absent. */
export const blankToUndefined = (value: unknown) => (value === "" ? undefined : value);
