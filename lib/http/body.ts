import { AppError } from "@/lib/errors";

const KB = 1024;

/**
 * The most each kind of endpoint reads. Webhooks carry whole payouts (Xometry) or batches of
 * entity changes (QuickBooks); everything a browser posts is small. The request gate
 * (lib/security/request-gate.ts) refuses anything declared larger than the largest of these.
 */
export const BODY_LIMITS = {
  webhook: 1024 * KB,
  json: 64 * KB,
  form: 8 * KB,
  /** Routes that take no body (a button): a browser sends none, anything else is refused. */
  none: 1 * KB,
} as const;

export const MAX_BODY_BYTES = Math.max(...Object.values(BODY_LIMITS));

export function payloadTooLarge(limit: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than this endpoint accepts (${limit} bytes).`, {
    details: [`body: at most ${limit} bytes`],
  });
}

/**
 * Reads at most `limit` bytes of the body: a larger Content-Length is refused before anything is
 * read, and a body without one (chunked) is cut off as soon as it passes the limit. Invalid UTF-8
 * is refused too, so what a signature covers is exactly what is parsed.
 */
export async function readBody(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && !(Number(declared) <= limit)) throw payloadTooLarge(limit);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw payloadTooLarge(limit);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid UTF-8 text.", { details: ["body: not valid UTF-8"] });
  }
}

/** A bounded JSON body; an empty body is `undefined`. */
export async function readJsonBody(request: Request, limit: number = BODY_LIMITS.json): Promise<unknown> {
  const text = await readBody(request, limit);
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.", { details: ["body: not valid JSON"] });
  }
}

/** A bounded HTML form body (urlencoded or multipart) as a plain object of its text fields. */
export async function readFormBody(request: Request, limit: number = BODY_LIMITS.form): Promise<Record<string, string>> {
  const text = await readBody(request, limit);
  const type = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
  const form = await new Response(text, { headers: { "content-type": type } }).formData().catch(() => {
    throw new AppError("INVALID_INPUT", "The form could not be read.", { details: ["body: not a form"] });
  });
  return Object.fromEntries([...form.entries()].filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/** For routes that take no body: refuses one that is larger than a browser would send. */
export async function ensureNoBody(request: Request): Promise<void> {
  await readBody(request, BODY_LIMITS.none);
}
