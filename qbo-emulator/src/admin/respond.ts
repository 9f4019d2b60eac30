// JSON helpers for the admin API.
import type { z } from "zod";
import type { EmuRequest, EmuResponse } from "../http";
import { toIntuitJson } from "../json";

export function buildAdminJson(status: number, body: unknown): EmuResponse {
  return { status, headers: { "Content-Type": "application/json; charset=utf-8" }, body: toIntuitJson(body) };
}

export function buildAdminError(status: number, message: string): EmuResponse {
  return buildAdminJson(status, { error: message });
}

export function parseAdminBody<T extends z.ZodType>(req: EmuRequest, schema: T): z.infer<T> {
  const text = req.rawBody.toString("utf8").trim();
  let value: unknown = {};
  if (text) {
    try {
      value = JSON.parse(text);
    } catch {
      throw new AdminInputError("Body is not valid JSON");
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new AdminInputError(`Invalid body: ${issue?.path.join(".") || "(root)"} ${issue?.message ?? ""}`.trim());
  }
  return result.data;
}

/** A bad admin request body (400 with a message). */
export class AdminInputError extends Error {}
