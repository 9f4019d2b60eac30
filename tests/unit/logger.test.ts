import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "@/lib/logger";

describe("logger", () => {
  it("never writes the HTTP exchange an SDK error carries, nor tokens by name", () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) });
    const log = createLogger(sink);
    log.level = "info";
    const error = Object.assign(new Error("Request failed with status code 502"), {
      authResponse: { response: { config: { data: "grant_type=refresh_token&refresh_token=RT1-secret", headers: { Authorization: "Basic c2VjcmV0" } } } },
    });
    log.error({ err: error, refresh_token: "RT1-other", nested: { access_token: "AT-secret" } }, "refresh failed");
    const output = lines.join("");
    expect(output).toContain("Request failed with status code 502");
    for (const secret of ["RT1-secret", "c2VjcmV0", "RT1-other", "AT-secret"]) expect(output).not.toContain(secret);
  });
});
