import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { BODY_LIMITS, ensureNoBody, readBody, readFormBody, readJsonBody } from "@/lib/http/body";

function post(body: BodyInit | null, headers: Record<string, string> = {}) {
  return new Request("http://app.test/api/x", { method: "POST", body, headers, duplex: "half" } as RequestInit);
}

async function failure(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("bounded request bodies", () => {
  it("state the limits: 1 MB for webhooks, smaller for everything a browser posts", () => {
    expect(BODY_LIMITS.webhook).toBe(1024 * 1024);
    for (const [kind, limit] of Object.entries(BODY_LIMITS)) if (kind !== "webhook") expect(limit, kind).toBeLessThan(BODY_LIMITS.webhook);
  });

  it("read a body of exactly the limit and refuse one byte more (413)", async () => {
    expect(await readBody(post("x".repeat(100)), 100)).toHaveLength(100);
    const error = await failure(readBody(post("x".repeat(101)), 100));
    expect(error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(error.httpStatus).toBe(413);
  });

  it("trust no Content-Length: a stream longer than it claims is still cut at the limit", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += 10;
        controller.enqueue(new Uint8Array(10).fill(0x61));
      },
    });
    expect((await failure(readBody(post(endless), 100))).code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThanOrEqual(120);
  });

  it("refuse invalid UTF-8 instead of reading it as something else", async () => {
    expect((await failure(readBody(post(new Uint8Array([0x7b, 0xff, 0x7d])), 100))).code).toBe("INVALID_INPUT");
  });

  it("parse JSON and forms within their limits", async () => {
    expect(await readJsonBody(post('{"action":"start"}'))).toEqual({ action: "start" });
    expect(await readJsonBody(post(""))).toBeUndefined();
    expect((await failure(readJsonBody(post("{nope")))).code).toBe("INVALID_INPUT");
    expect(await readFormBody(post("pendingId=p1&decision=confirm", { "content-type": "application/x-www-form-urlencoded" }))).toEqual({ pendingId: "p1", decision: "confirm" });
    expect((await failure(readFormBody(post(`a=${"b".repeat(BODY_LIMITS.form)}`)))).code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("let routes without a body accept what a browser sends and nothing bigger", async () => {
    await ensureNoBody(post(null));
    await ensureNoBody(post(""));
    expect((await failure(ensureNoBody(post("x".repeat(BODY_LIMITS.none + 1))))).code).toBe("PAYLOAD_TOO_LARGE");
  });
});
